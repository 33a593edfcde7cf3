#!/usr/bin/env bash
# The whole e-mail send job on PostgreSQL: a mailing to N generated members (default 100,000) by the jar, from
# the audience queued (mailing.queued_at) to the last row sent (mailing_outbox.sent_at), through every step
# (claim a batch SENDING and commit, personalise, make trackable, compose, DKIM, hand over, record the outcomes),
# into postfix's smtp-sink; beside smtp-source -d into the same sink in the same run, with as many sessions as
# the jar's connections. DKIM off, then on (a 2048-bit key made with openssl).
# Usage: bench/mailings-email-job.sh [messages=100000] [connections=2]   (needs PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
N=${1:-100000}
C=${2:-2}
DB=profkom_email_bench
SINK_PORT=2528
MARKER=profkom-email-bench
JAR=target/profkom-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] && [ -z "$(find src pom.xml -newer "$JAR" -type f | head -1)" ] \
  || ./mvnw -q -B -ntp -o -DskipTests -Dspotless.check.skip=true package
source bench/mailings-lib.sh

SINK_USER=()
[ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
/usr/sbin/smtp-sink "${SINK_USER[@]}" 127.0.0.1:$SINK_PORT 256 &
SINK=$!
NODE_PID=
trap 'kill $SINK 2>/dev/null || true; [ -z "$NODE_PID" ] || kill $NODE_PID 2>/dev/null || true' EXIT
KEY=$(mktemp -d)/dkim.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEY" 2>/dev/null

echo "== $N generated members with e-mail and consents"
members_database "$MARKER" "$N"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run"

started=$(date +%s%N)
/usr/sbin/smtp-source -d -s "$C" -l 850 -m "$N" -f sender@profkom.test -t member@profkom.test -S Meeting \
  127.0.0.1:$SINK_PORT
ended=$(date +%s%N)
SOURCE=$(awk -v n="$N" -v ns=$((ended - started)) 'BEGIN { printf "%.0f", n / (ns / 1e9) * 60 }')
echo "smtp-source -d → smtp-sink: $N messages, $C sessions: $SOURCE a minute"

for dkim in off on; do
  args=(--profkom.mailings.smtp-connections="$C")
  [ $dkim = on ] && args+=(--profkom.mailings.dkim-domain=profkom.test --profkom.mailings.dkim-selector=bench
                           --profkom.mailings.dkim-private-key="$KEY")
  start_node "$MARKER" 18181 "${args[@]}"; ready 18181
  M=$(run_mailing 18181 "Замер, DKIM $dkim")
  wait_done "$M"
  kill $NODE_PID; wait $NODE_PID 2>/dev/null || true; NODE_PID=
  read -r SENT SECONDS_TAKEN < <("${PSQL[@]}" -F ' ' -c "select count(*) filter (where o.status = 'SENT'),
      extract(epoch from max(o.sent_at) - min(m.queued_at)) from mailing_outbox o join mailing m on m.id = o.mailing_id
      where o.mailing_id = $M")
  awk -v sent="$SENT" -v s="$SECONDS_TAKEN" -v source="$SOURCE" -v dkim=$dkim -v c="$C" 'BEGIN {
    rate = sent / s * 60
    printf "send job (PostgreSQL, %d connections, DKIM %s): %d sent, queued → last sent %.1f s = %.0f a minute = %.2f× smtp-source -d\n",
      c, dkim, sent, s, rate, rate / source }'
done
echo "machine: load $(cut -d' ' -f1-3 /proc/loadavg) after the run"
