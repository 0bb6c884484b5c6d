#!/bin/sh
# Installs cdbkit under a prefix, from the jars `mvn -q -DskipTests package` built:
#
#   ./install.sh /usr/local                 every tool in /usr/local/bin
#   DESTDIR=/tmp/stage ./install.sh /usr    the same files under /tmp/stage/usr, for a package
#
#   PREFIX/bin/NAME                                 each tool: a symlink into PREFIX/lib/cdbkit/bin
#   PREFIX/lib/cdbkit/bin/                          the launchers, as in the project's bin/
#   PREFIX/lib/cdbkit/MODULE.jar                    the jars they run
#   PREFIX/lib/cdbkit/MODULE.jsa, MODULE.jsa.made   their class-data-sharing archives (bin/.cds),
#                                                   made with the java on PATH; not under DESTDIR
#   PREFIX/share/man/man1/NAME.1, man5/tcprules.5   the manual pages
#   PREFIX/share/bash-completion/completions/cdbmake-all
#
# Not in bin/: the tools there are meant to be linked into a PATH folder, and one named
# "install" would hide install(1).
set -eu
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 PREFIX" >&2
  exit 100
fi
src=$(dirname "$(readlink -f "$0")")
dest=${DESTDIR:-}$1
lib=$dest/lib/cdbkit
for module in cdbmake-cli tcprules-cli; do
  if [ ! -f "$src/$module/target/$module.jar" ]; then
    echo "install.sh: fatal: $src/$module/target/$module.jar is missing: run mvn -q -DskipTests package in $src" >&2
    exit 111
  fi
done
install -d "$dest/bin" "$lib/bin" "$dest/share/man/man1" "$dest/share/man/man5" \
  "$dest/share/bash-completion/completions"
for module in cdbmake-cli tcprules-cli; do
  install -m 644 "$src/$module/target/$module.jar" "$lib/$module.jar"
done
install -m 755 "$src/bin/.launcher" "$lib/bin/.launcher"
install -m 755 "$src/bin/.cds" "$lib/bin/.cds"
install -m 644 "$src/bin/.tools" "$lib/bin/.tools"
for tool in "$src"/bin/*; do
  name=${tool##*/}
  install -m 755 "$tool" "$lib/bin/$name"
  # relative, so that it holds under DESTDIR and wherever the prefix is moved
  ln -sfn "../lib/cdbkit/bin/$name" "$dest/bin/$name"
done
install -m 644 "$src"/man/man1/*.1 "$dest/share/man/man1"
install -m 644 "$src"/man/man5/*.5 "$dest/share/man/man5"
install -m 644 "$src/completion/cdbmake-all" "$dest/share/bash-completion/completions/cdbmake-all"
# An archive holds for the jar at the path it was made for, so it is made here, for the installed
# jars. Not under DESTDIR, where the tree will move: a package runs PREFIX/lib/cdbkit/bin/.cds
# MODULE once installed (the tools run without, only slower to start).
if [ -z "${DESTDIR:-}" ]; then
  for module in cdbmake-cli tcprules-cli; do
    "$lib/bin/.cds" "$module" || echo "install.sh: warning: no class-data archive for $module: the tools start slower" >&2
  done
fi
