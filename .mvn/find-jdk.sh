# Sourced by ./mvnw and ./profkom: Profkom needs a JDK 21 or newer, while a machine's default
# java may be older. Keeps JAVA_HOME when it already points to 21+, else looks in the usual
# install folders, else explains what to install.
profkom_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
profkom_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(profkom_java_major "$JAVA_HOME")
    [ "${major:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  for candidate in "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(profkom_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Profkom needs a JDK 21 or newer (javac included). Install one, for example:" >&2
  echo "  apt-get install -y openjdk-21-jdk    or    https://adoptium.net" >&2
  echo "then run this command again, or point JAVA_HOME to it." >&2
  return 1
}
case $- in *f*) profkom_noglob=1; set +f ;; *) profkom_noglob=0 ;; esac
profkom_find_jdk || exit 1
if [ "$profkom_noglob" = 1 ]; then set -f; fi
