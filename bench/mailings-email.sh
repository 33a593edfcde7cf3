#!/usr/bin/env bash
# E-mails a minute that the mailings' EmailSender hands to postfix's smtp-sink, beside postfix's own smtp-source
# into the same sink in the same run: the same message count, as many sessions as our connections, a message of
# about the same size. smtp-source is timed twice: with -d (every session keeps its connection, as EmailSender
# does: the like-for-like baseline) and without (a connection per message, its default). EmailSender is timed with
# DKIM off and on (a 2048-bit RSA key).
# Usage: bench/mailings-email.sh [messages=100000] [connections=2]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
N=${1:-100000}
C=${2:-2}
PAYLOAD=${PAYLOAD:-850} # smtp-source's body bytes; with its headers about the 988 bytes of our message
PORT=${SINK_PORT:-2527}

SINK_USER=()
[ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
/usr/sbin/smtp-sink "${SINK_USER[@]}" 127.0.0.1:$PORT 256 &
SINK=$!
trap 'kill $SINK 2>/dev/null || true' EXIT
until (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; do sleep 0.1; done

./mvnw -q -B -ntp -o test-compile -Dspotless.check.skip=true
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run"

source_rate() { # source_rate [-d]: messages a minute of smtp-source into the sink
  local started ended
  started=$(date +%s%N)
  /usr/sbin/smtp-source "$@" -s "$C" -l "$PAYLOAD" -m "$N" -f sender@profkom.test -t member@profkom.test \
    -S "Meeting" 127.0.0.1:$PORT
  ended=$(date +%s%N)
  awk -v n="$N" -v ns=$((ended - started)) 'BEGIN { printf "%.0f", n / (ns / 1e9) * 60 }'
}
ours() { # ours DKIM: messages a minute of EmailSender into the sink
  ./mvnw -q -B -ntp -o surefire:test -Dtest=EmailSenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dprofkom.bench.mail="$N" -Dprofkom.bench.connections="$C" -Dprofkom.bench.sink="$PORT" \
    -Dprofkom.bench.dkim="$1" -DtrimStackTrace=false 2>&1 | grep -E "EmailSender →" | tee -a "$LOG" \
    | sed -E 's/.* = ([0-9]+) a minute.*/\1/'
}

REUSED=$(source_rate -d)
echo "smtp-source -d → smtp-sink: $N messages, $C sessions kept open, -l $PAYLOAD: $REUSED a minute"
PER_MESSAGE=$(source_rate)
echo "smtp-source → smtp-sink: $N messages, $C sessions, a connection per message, -l $PAYLOAD: $PER_MESSAGE a minute"
LOG=$(mktemp)
OFF=$(ours false)
ON=$(ours true)
cat "$LOG"
echo "machine: load $(cut -d' ' -f1-3 /proc/loadavg) after the run"
awk -v reused="$REUSED" -v per="$PER_MESSAGE" -v off="$OFF" -v on="$ON" 'BEGIN {
  printf "EmailSender DKIM off: %d a minute = %.2f× smtp-source -d, %.2f× smtp-source\n", off, off / reused, off / per
  printf "EmailSender DKIM on:  %d a minute = %.2f× smtp-source -d, %.2f× smtp-source\n", on, on / reused, on / per
}'
