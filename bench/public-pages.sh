#!/usr/bin/env bash
# Rerunnable benchmark of every kind of public page (issue 13, item 23).
# Starts target/profkom-*.jar on a fresh H2 demo union in a temporary directory on a free port, publishes a
# public page for the demo primary organization (news, an album with photos, a document), warms up, then runs
# wrk (64 connections) against each page kind and prints req/s, p50, p99 and the ratio to /actuator/health.
# The pages a visitor reads (home, news list, news item, albums, album) are kept rendered for visitors without a
# session (portal.web.RenderedPublicPages); each "…, rendered" row asks with a parameter that bypasses the kept
# copy, so it shows what rendering that page kind costs. Those rows are figures, not targets.
#
#   bench/public-pages.sh                 # 10 s per page kind
#   DURATION=30s bench/public-pages.sh    # longer runs
#   JAR=/path/to/profkom.jar bench/public-pages.sh
#
# Needs wrk (apt-get install -y wrk), curl and python3. Exit code 1 if a page kind misses the target
# (>= 1,500 requests/s and p99 <= 50 ms) or answers anything but 200.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
TARGET_RPS=${TARGET_RPS:-1500}
TARGET_P99_MS=${TARGET_P99_MS:-50}

command -v wrk >/dev/null || { echo "wrk не найден: apt-get install -y wrk" >&2; exit 2; }
. .mvn/find-jdk.sh
jar=${JAR:-$(ls target/profkom-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$jar" ]; then
  echo "Сборка Profkom (./mvnw -q -DskipTests package)…" >&2
  ./mvnw -q -B -ntp -DskipTests package
  jar=$(ls target/profkom-*.jar | grep -v original | head -1)
fi
jar=$(realpath "$jar")

work=$(mktemp -d -t profkom-bench-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "Запуск $jar на порту $port (данные в $work)…" >&2
(cd "$work" && exec "$JAVA_HOME/bin/java" ${PROFKOM_JAVA_OPTS:--Xmx1g} --add-modules jdk.incubator.vector -jar "$jar" \
    --profkom.demo.load=true --server.port="$port" \
    --spring.datasource.url="jdbc:h2:file:$work/data/profkom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE" \
    --profkom.publications.index-dir="$work/data/publications-index" \
    >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 300); do
  if curl -fs "$base/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null; then echo "Приложение не запустилось:" >&2; tail -40 "$work/app.log" >&2; exit 2; fi
  sleep 1
done
curl -fs "$base/actuator/health" >/dev/null || { echo "Нет ответа $base/actuator/health" >&2; exit 2; }

# ---- a public page with something of every kind, as the demo primary organization's chair ----
auth=(-u chair:profkom-demo)
json=(-H 'Content-Type: application/json')
org=$(curl -fs "${auth[@]}" "$base/api/v1/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["roles"][0]["organizationId"])')
slug=bench-ppo
# The demo already publishes this organization's page: the edit names the version it read.
version=$(curl -fs "${auth[@]}" "$base/api/v1/organizations/$org/site" | python3 -c 'import json,sys; v=json.load(sys.stdin).get("version"); print("null" if v is None else v)' 2>/dev/null || echo null)
curl -fs "${auth[@]}" "${json[@]}" -X PUT "$base/api/v1/organizations/$org/site" \
  -d '{"slug":"'$slug'","about":"Первичная профсоюзная организация больницы: защищаем права работников, ведём коллективный договор.","contacts":"Москва, ул. Больничная, 1; +7 495 000-00-00","version":'$version'}' >/dev/null
python3 - "$work/photo.png" <<'PY'
import sys, zlib, struct
w, h = 64, 48
raw = b"".join(b"\x00" + b"".join(bytes((x * 4 % 256, y * 5 % 256, 128)) for x in range(w)) for y in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
article=
for i in $(seq 1 25); do
  id=$(curl -fs "${auth[@]}" "${json[@]}" -X POST "$base/api/v1/organizations/$org/publications" \
    -d '{"title":"Новость профкома № '$i': итоги собрания трудового коллектива","bodyHtml":"<p>Профком провёл собрание. <b>Главное</b>: индексация зарплаты, охрана труда, путёвки для детей работников.</p><p>Второй абзац новости № '$i' с подробностями решения.</p>","rubric":null,"tags":["собрание","колдоговор"],"videoUrls":[],"version":null}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  if [ "$i" = 1 ]; then
    curl -fs "${auth[@]}" -F "image=@$work/photo.png;type=image/png" "$base/api/v1/publications/$id/images" >/dev/null
  fi
  curl -fs "${auth[@]}" -X POST "$base/api/v1/publications/$id/publish" >/dev/null
  article=$id
done
albums=()
for i in 1 2 3 4 5; do
  album=$(curl -fs "${auth[@]}" "${json[@]}" -X POST "$base/api/v1/organizations/$org/albums" \
    -d '{"title":"Спартакиада работников, этап '$i'","eventDate":"2026-0'$i'-15","description":"Фотографии с соревнований: команды отделений, награждение победителей.","version":null}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  files=()
  for p in $(seq 1 12); do files+=(-F "files=@$work/photo.png;type=image/png;filename=photo-$p.png"); done
  curl -fs "${auth[@]}" "${files[@]}" "$base/api/v1/organizations/$org/albums/$album/photos" >/dev/null
  curl -fs "${auth[@]}" -X POST "$base/api/v1/organizations/$org/albums/$album/publish" >/dev/null
  albums+=("$album")
done
# Documents are added on the staff page (a form with its CSRF token), as a person signs in.
jar_cookies=$work/cookies
csrf() { python3 -c 'import re,sys; print(re.search(r"name=\"_csrf\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))'; }
token=$(curl -fs -c "$jar_cookies" -b "$jar_cookies" "$base/login" | csrf)
curl -fs -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -d "username=chair&password=profkom-demo&_csrf=$token" "$base/login"
token=$(curl -fs -c "$jar_cookies" -b "$jar_cookies" "$base/orgs/$org/site" | csrf)
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >"$work/kollektivnyi-dogovor.pdf"
curl -fs -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -F "_csrf=$token" -F "title=Коллективный договор на 2026–2028 годы" \
  -F "file=@$work/kollektivnyi-dogovor.pdf;type=application/pdf" "$base/orgs/$org/site/documents"
document=$(curl -fs "${auth[@]}" "$base/api/v1/organizations/$org/site/documents" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

pages=(
  "health|/actuator/health"
  "home|/$slug"
  "home, rendered|/$slug?uncached=1"
  "news list|/$slug/news"
  "news, rendered|/$slug/news?page=0&uncached=1"
  "news item|/$slug/news/$article"
  "item, rendered|/$slug/news/$article?uncached=1"
  "albums|/$slug/albums"
  "albums, rendered|/$slug/albums?uncached=1"
  "album|/$slug/albums/${albums[0]}"
  "album, rendered|/$slug/albums/${albums[0]}?uncached=1"
  "document|/$slug/documents/$document"
  "feed Atom|/$slug/feed.xml"
  "feed RSS|/$slug/rss.xml"
  "sitemap|/sitemap.xml"
  "join form|/$slug/join"
  "feedback form|/$slug/feedback"
)

if [ -n "${KEEP_RUNNING:-}" ]; then
  echo "Данные готовы: $base/$slug; Ctrl-C или kill $$ остановит приложение" >&2
  wait "$app_pid"
fi

failed=0
# name|address[|request header]
parse() { IFS='|' read -r name path header <<<"$1"; headers=(); [ -n "$header" ] && headers=(-H "$header"); return 0; }
for page in "${pages[@]}"; do
  parse "$page"
  status=$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$base$path")
  if [ "$status" != 200 ]; then echo "$path: HTTP $status" >&2; failed=1; fi
done

to_ms() { # wrk's latency: 850.00us, 1.20ms, 2.01s
  python3 -c 'import sys,re; v=sys.argv[1]; m=re.match(r"([0-9.]+)(us|ms|s|m)$", v); n=float(m.group(1)); u=m.group(2); print(round(n/1000 if u=="us" else n if u=="ms" else n*1000 if u=="s" else n*60000, 2))' "$1"
}

echo "Прогрев ($WARMUP на страницу, дважды: JIT-компиляция первых минут иначе попадает в замеры)…" >&2
for page in "${pages[@]}" "${pages[@]}"; do
  parse "$page"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$base$path" >/dev/null
done

# CPU of the server's process per request (user + system, JIT and GC included): unlike req/s it does not
# depend on what else runs on the machine.
tick=$(getconf CLK_TCK)
server_cpu() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
printf '\n%-16s %-38s %10s %9s %9s %8s %10s  %s\n' "page" "address" "req/s" "p50 ms" "p99 ms" "÷health" "CPU ms/req" "target"
health_rps=
for page in "${pages[@]}"; do
  parse "$page"
  cpu_before=$(server_cpu)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$base$path")
  cpu_after=$(server_cpu)
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu_ms=$(python3 -c "print(f'{($cpu_after - $cpu_before) * 1000 / $tick / max($requests, 1):.3f}')")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  [ -z "$health_rps" ] && health_rps=$rps
  ratio=$(python3 -c "print(f'{$rps / $health_rps:.2f}')")
  verdict=PASS
  if [[ "$name" == *rendered* ]]; then
    verdict="(figure)"
  elif python3 -c "import sys; sys.exit(0 if $rps >= $TARGET_RPS and $p99 <= $TARGET_P99_MS else 1)"; then :; else verdict=MISS; failed=1; fi
  if [ -n "$non2xx" ]; then verdict="$verdict (non-2xx: $non2xx)"; failed=1; fi
  printf '%-16s %-38s %10.0f %9s %9s %8s %10s  %s\n' "$name" "$path" "$rps" "$p50" "$p99" "$ratio" "$cpu_ms" "$verdict"
done
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
exit $failed
