# Shared by bench/mailings-fault.sh and bench/mailings-email-job.sh (sourced, not run): a PostgreSQL database
# with the demo union and N generated members who have an e-mail and consent to it, servers of the jar on it
# sending into postfix's smtp-sink, and a mailing to everyone by e-mail made and scheduled over the REST API.
# The caller sets DB, JAR and SINK_PORT.
PSQL=(psql -h 127.0.0.1 -U postgres -d "$DB" -Atq)

start_node() { # start_node MARKER PORT [ARGS…]: one server (its pid in NODE_PID) on $DB, its mail into the sink
  local marker=$1 port=$2
  shift 2
  "$JAVA_HOME/bin/java" -D"$marker"=$port -jar "$JAR" --server.port=$port --profkom.demo.load=true \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
    --profkom.mailings.smtp-host=127.0.0.1 --profkom.mailings.smtp-port=$SINK_PORT \
    --profkom.publications.index-dir="/tmp/$marker-index-$port" --profkom.mailings.bounce-address=bounces@profkom.test \
    --profkom.mailings.window-start=00:00 --profkom.mailings.window-end=23:59 "$@" \
    > "/tmp/$marker-$port.log" 2>&1 &
  NODE_PID=$!
}
ready() { # waits for the server on port $1, or fails when it has died
  until curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null; do
    kill -0 "$NODE_PID" 2>/dev/null || { echo "the server on port $1 died: see its log in /tmp" >&2; exit 3; }
    sleep 1
  done
}
count() { "${PSQL[@]}" -c "select count(*) from mailing_outbox where mailing_id = $1 and status = '$2'"; }
root() { "${PSQL[@]}" -c "select id from organization where parent_id is null order by id limit 1"; }

run_mailing() { # run_mailing PORT TITLE: creates and schedules a mailing to everyone by e-mail, prints its id
  local body="{\"title\":\"$2\",\"subject\":\"{{имя}}, проверка\",\"texts\":{\"EMAIL\":\"Проверка {{имя}}\"}}"
  local id
  id=$(curl -sf -u admin:profkom-demo -H 'Content-Type: application/json' -d "$body" \
        "http://127.0.0.1:$1/api/v1/organizations/$(root)/mailings" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  curl -sf -u admin:profkom-demo -X POST "http://127.0.0.1:$1/api/v1/mailings/$id/schedule" >/dev/null
  echo "$id"
}
wait_done() { until [ "$("${PSQL[@]}" -c "select status from mailing where id = $1")" = DONE ]; do sleep 1; done; }

members_database() { # members_database MARKER N: $DB anew with the demo union and N members with e-mail and consents
  dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
  createdb -h 127.0.0.1 -U postgres "$DB"
  start_node "$1" 18181; local first=$NODE_PID; ready 18181; kill $first; wait $first 2>/dev/null || true
  ./profkom generate-members --count "$2" --db "jdbc:postgresql://127.0.0.1:5432/$DB" \
    --profkom.publications.index-dir="/tmp/$1-index-generate" >/dev/null
  "${PSQL[@]}" -c "update person set email = 'p' || id || '@sink.test' where email is null or email = ''"
  for purpose in PROCESSING EMAIL; do
    "${PSQL[@]}" -c "insert into consent (person_id, purpose, given_on, form, recorded_at)
      select id, '$purpose', current_date - 1, 'ELECTRONIC', current_timestamp from person p
      where not exists (select 1 from consent c where c.person_id = p.id and c.purpose = '$purpose'
        and c.withdrawn_on is null)"
  done
}
