#!/usr/bin/env bash
# Fuzzes Nines' readers with libFuzzer for a bounded time each:
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
#   NINES_FUZZ_TARGETS="number tabular" scripts/fuzz.sh 30   (a subset)
# Crashing inputs are saved under Fuzz/crashes/<target>/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
swift build --package-path Fuzz -c debug --product nines-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | tail -n 2
binary="Fuzz/.build/debug/nines-fuzz"
for target in ${NINES_FUZZ_TARGETS:-csv yaml applications xml xlsx number tabular}; do
  corpus="Fuzz/corpus/$target"
  crashes="Fuzz/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  case "$target" in
    csv) cp -n Catalog/examples/acme/inventory.csv Tests/NinesKitTests/Fixtures/hostile/*.csv "$corpus/" 2>/dev/null || true ;;
    yaml|applications) cp -n Catalog/examples/acme/*.yaml Catalog/*.yaml "$corpus/" 2>/dev/null || true ;;
    xml) cp -n Tests/NinesKitTests/Fixtures/import/libvirt/*.xml Tests/NinesKitTests/Fixtures/import/*.xml "$corpus/" 2>/dev/null || true ;;
    xlsx) cp -n Tests/NinesKitTests/Fixtures/rvtools/*.xlsx "$corpus/" 2>/dev/null || true ;;
    number) for n in 16 0x10 NaN inf 1e20 -1 2.5 017 1_024 " 8 "; do printf '%s' "$n" > "$corpus/seed-$(printf '%s' "$n" | od -An -tx1 | tr -d ' \n')"; done ;;
    tabular) cp -n Tests/NinesKitTests/Fixtures/import/azure-migrate.csv Tests/NinesKitTests/Fixtures/import/powercli.csv "$corpus/" 2>/dev/null || true ;;
  esac
  # ZIPFoundation leaks the path buffer Foundation's fileSystemRepresentation(withPath:) returns
  # (52 bytes per archive opened; upstream, not Nines), so leak detection is off for xlsx.
  # Foundation's Data(contentsOf:) leaks its 4 KiB read buffer on an empty file (upstream
  # FoundationEssentials readBytesFromFile), which the file-reading targets hit at once.
  leaks=1
  case "$target" in xlsx|tabular|number) leaks=0 ;; esac
  echo "fuzzing $target for ${seconds}s"
  ASAN_OPTIONS="detect_leaks=$leaks" NINES_FUZZ_TARGET="$target" "$binary" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -detect_leaks=$leaks \
    -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" || true
done
echo "crashes: $(find Fuzz/crashes -type f | wc -l)"
