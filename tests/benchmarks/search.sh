#!/usr/bin/env bash
# Search benchmark (docs/search.md): generates N demo articles (default 100,000) into a fresh
# SQLite store in a temp folder, times a full build of the search index (`reindex`), then times
# searches through the search service (`benchmark-search`) and over HTTP against the running
# portal on a loopback port. Prints the figures; writes nothing to the repository.
# Usage: bash tests/benchmarks/search.sh [ARTICLES] [QUERIES]
set -euo pipefail
cd "$(dirname "$0")/../.."
articles=${1:-100000}
queries=${2:-1000}
work=$(mktemp -d)
out="$work/app"
port=5391
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

dotnet publish src/Portal.Web -c Release -o "$out" -v q --nologo >/dev/null
app() { (cd "$out" && dotnet Portal.Web.dll "$@" "--Storage:DataPath=$work/data"); }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(dotnet --version)"
app seed-demo --articles "$articles" --seed 1
/usr/bin/time -f "reindex: %e s wall, %M KB peak" bash -c "cd '$out' && dotnet Portal.Web.dll reindex --Storage:DataPath='$work/data'"
du -sh "$work/data/search" | awk '{print "index size: " $1}'
app benchmark-search --queries "$queries"

# Over HTTP: the same words, one keep-alive connection, curl's own timing per request.
(cd "$out" && exec dotnet Portal.Web.dll "--Storage:DataPath=$work/data" "--Urls=http://127.0.0.1:$port" \
  --Serilog:MinimumLevel:Default=Warning --Import:SeedOnStartup=false) >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
words=(民族团结 乡村振兴 吐鲁番 通知 公告 政策 解读 招聘 养老保险 医疗保障 教育 学校 交通 道路 环境保护 生态 旅游 葡萄 农业 就业 创业 补贴 社区 文化 非遗 安全生产 防汛 消防 住房 公积金 营商环境 政务服务 办事指南 统计 预算 审计)
# One -o per URL: curl writes each body away and prints only its timing line.
args=()
for i in $(seq 1 500); do
  w=${words[$((RANDOM % ${#words[@]}))]}
  args+=(-o /dev/null "http://127.0.0.1:$port/search?q=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$w")")
done
curl -s "${args[@]}" >/dev/null  # warm-up: one whole pass (tiered JIT settles)
curl -s -w "%{time_total}\n" "${args[@]}" | sort -n | awk '{t[NR]=$1} END {
  printf "HTTP /search over one keep-alive connection: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    NR, t[int(NR*0.50)]*1000, t[int(NR*0.95)]*1000, t[int(NR*0.99)]*1000, t[NR]*1000 }'
