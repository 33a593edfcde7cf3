#!/usr/bin/env bash
# The mailings' fault test: a mailing of N e-mails (default 100,000) into postfix's smtp-sink, the server killed
# with kill -9 twice while sending and started again; then the same with two servers sending at once.
# Checks: every outbox row settled, no recipient lost (every SENT row's message is in the sink), messages received
# twice only for rows that became UNKNOWN, and with two nodes no row received twice.
# Usage: bench/mailings-fault.sh [messages=100000]    (needs PostgreSQL on 127.0.0.1:5432 and smtp-sink)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
N=${1:-100000}
DB=profkom_fault
SINK_PORT=2526
SINK_DIR=$(mktemp -d /tmp/profkom-sink.XXXX)
JAR=target/profkom-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
source bench/mailings-lib.sh

cleanup() { [ "$BASHPID" = "$$" ] || return 0; pkill -f "profkom-fault-node" 2>/dev/null || true; pkill -f "smtp-sink.*$SINK_PORT" 2>/dev/null || true; }
trap cleanup EXIT

# smtp-sink writes every message it takes into its own file (-d), so the files say what arrived, and how often.
/usr/sbin/smtp-sink -u root -d "$SINK_DIR/%M." 127.0.0.1:$SINK_PORT 256 &

node() { # node PORT: a server of the fault test, dead runs taken over after 20 s
  start_node profkom-fault-node "$1" --profkom.jobs.dead-after=PT20S
}

received_per_row() { # outbox ids in the sink's files (the VERP return path names the row) with their counts
  find "$SINK_DIR" -type f -print0 | xargs -0 -r grep -h -o -m1 -E '\+b[0-9]+-' | tr -dc '0-9\n' | sort | uniq -c
}

echo "== Demo union, then $N generated members with e-mail and consents"
members_database profkom-fault-node "$N"

echo "== One node, killed with kill -9 twice while sending"
node 18181; P1=$NODE_PID; ready 18181
M=$(run_mailing 18181 "Отказ узла")
for kill in 1 2; do
  # past a quarter (a half) of the rows, and while a batch is out: rows SENDING when the node dies
  until [ "$(count "$M" SENT)" -gt $((N * kill / 4)) ] && [ "$(count "$M" SENDING)" -gt 0 ]; do sleep 0.2; done
  kill -9 $P1; echo "kill -9 at $(count "$M" SENT) sent, $(count "$M" SENDING) sending"; sleep 1
  node 18181; P1=$NODE_PID; ready 18181
done
wait_done "$M"
TOTAL=$("${PSQL[@]}" -c "select count(*) from mailing_outbox where mailing_id = $M")
SENT=$(count "$M" SENT); UNKNOWN=$(count "$M" UNKNOWN); FAILED=$(count "$M" FAILED)
received_per_row > "$SINK_DIR.rows"
"${PSQL[@]}" -c "select id from mailing_outbox where mailing_id = $M and status = 'SENT'" | sort > "$SINK_DIR.sent"
"${PSQL[@]}" -c "select id from mailing_outbox where mailing_id = $M and status = 'UNKNOWN'" | sort > "$SINK_DIR.unknown"
awk '{print $2}' "$SINK_DIR.rows" | sort > "$SINK_DIR.got"
LOST=$(comm -23 "$SINK_DIR.sent" "$SINK_DIR.got" | wc -l)
awk '$1 > 1 {print $2}' "$SINK_DIR.rows" | sort > "$SINK_DIR.twice"
TWICE=$(wc -l < "$SINK_DIR.twice")
TWICE_NOT_UNKNOWN=$(comm -23 "$SINK_DIR.twice" "$SINK_DIR.unknown" | wc -l)
echo "rows $TOTAL: sent $SENT, unknown $UNKNOWN (listed under «Кто не получил»), failed $FAILED"
echo "lost (sent, not in the sink): $LOST; received twice: $TWICE, of them not unknown: $TWICE_NOT_UNKNOWN"
kill $P1; wait $P1 2>/dev/null || true

echo "== Two nodes sending the same mailing at once"
find "$SINK_DIR" -type f -delete
node 18181; P1=$NODE_PID; node 18182; P2=$NODE_PID; ready 18181; ready 18182
M2=$(run_mailing 18181 "Два узла")
wait_done "$M2"
SENT2=$(count "$M2" SENT)
DOUBLE2=$(received_per_row | awk '$1 > 1' | wc -l)
NODES=$("${PSQL[@]}" -c "select count(distinct picked_by) from scheduled_tasks" || echo "?")
echo "two nodes: sent $SENT2, received twice: $DOUBLE2"
[ "$LOST" -eq 0 ] && [ "$TWICE_NOT_UNKNOWN" -eq 0 ] && [ "$DOUBLE2" -eq 0 ] && echo "PASS" || { echo "FAIL"; exit 4; }
