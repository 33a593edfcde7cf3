#!/usr/bin/env bash
# E-mails a minute that the mailings' EmailSender hands to postfix's smtp-sink over reused SMTP connections.
# Usage: bench/mailings-email.sh [messages=30000] [connections=2]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -B -ntp -o test -Dtest=EmailSenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Dprofkom.bench.mail="${1:-30000}" -Dprofkom.bench.connections="${2:-2}" -Dprofkom.bench.dkim="${DKIM:-false}" \
    -DtrimStackTrace=false 2>&1 | grep -E "EmailSender →|FAIL|ERROR" || true
