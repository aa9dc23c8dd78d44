# Shared by bench/run and bench/wall (sourced from the checkout's root): where the data lives,
# installing bench-only tools, building receipts and the generator, the generated file, and
# timing a command (wall time from the clock, peak RSS from /usr/bin/time -v).
# The caller sets `bench_name` (for messages) before sourcing.

build="${RECEIPTS_BUILD:-build/default}"
data=bench/data
mkdir -p "$data"
log() { echo "bench: $*" >&2; }

# apt_install PACKAGE...: bench-only tools, installed here, not by scripts/setup.
apt_install() {
  log "installing $* (apt-get)"
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
  fi
}
[[ -x /usr/bin/time ]] || apt_install time

# Builds receipts and the generator in $build; sets `receipts` and `receipts_flags` (--no-cache
# and --quiet when the binary has them).
build_receipts_and_generate() {
  if [[ "$build" == build/default ]]; then cmake --preset default >/dev/null; fi
  if ! cmake --build "$build" --target receipts generate -j "$(nproc)" >"$data/build.log" 2>&1; then
    # Others may be mid-edit in src/: fall back to the binaries already built, and say so.
    if [[ -x "$build/receipts" && -x "$build/generate" ]]; then
      log "WARNING: the build failed (see $data/build.log); using the existing binaries of" \
        "$(date -r "$build/receipts" '+%F %T')"
    else
      cat "$data/build.log" >&2
      exit 1
    fi
  fi
  receipts="$build/receipts"
  receipts_flags=()
  local help
  help="$("$receipts" verify --help 2>&1 || true)"
  grep -q -- '--no-cache' <<<"$help" && receipts_flags+=(--no-cache)
  grep -q -- '--quiet' <<<"$help" && receipts_flags+=(--quiet)
  return 0
}

# generated_file ROWS SEED: sets `gen` to the generated Contracts_PrimeTransactions file, made
# (or made again when the generator's sources change) as needed.
generated_file() {
  local rows="$1" seed="$2"
  gen="$data/contracts_prime_transactions_n${rows}_s${seed}.csv"
  local stamp
  stamp="$(cat bench/generate_lib.cc bench/contracts_prime_transactions_columns.txt \
    demo/records/2025-03-13_fpds_*.csv.gz | sha256sum | cut -c1-16)"
  if [[ ! -s "$gen" || "$(cat "$gen.stamp" 2>/dev/null)" != "$stamp" ]]; then
    rm -f "$gen" "$gen".*zip "$gen.gz" "$gen.stamp"
    local avail_kb need_kb
    avail_kb=$(df -Pk "$data" | awk 'NR==2 {print $4}')
    need_kb=$(( rows * 8 + 200000 ))  # ~2.1 KB a row, plus its zips and .gz
    if (( avail_kb < need_kb )); then
      echo "$bench_name: $((need_kb / 1024)) MB needed in $data, $((avail_kb / 1024)) MB free" >&2
      exit 1
    fi
    log "generating $rows rows -> $gen"
    "$build/generate" --rows "$rows" --seed "$seed" --out "$gen.tmp"
    mv "$gen.tmp" "$gen"
    echo "$stamp" >"$gen.stamp"
  fi
}

# measure NAME CMD...: sets ${NAME}_s and ${NAME}_rss_mb; output in $data/NAME.log
measure() {
  local name="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  if ! /usr/bin/time -v -o "$data/$name.time" "$@" >"$data/$name.log" 2>&1; then
    echo "$bench_name: $name failed:" >&2
    tail -20 "$data/$name.log" >&2
    exit 1
  fi
  t1=$(date +%s.%N)
  printf -v "${name}_s" '%.3f' "$(echo "$t1 - $t0" | bc -l)"
  local kb
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$data/$name.time")
  printf -v "${name}_rss_mb" '%.0f' "$(echo "$kb / 1024" | bc -l)"
}
