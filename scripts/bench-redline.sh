#!/usr/bin/env bash
# Times whole `redline --format json` runs against `git diff --no-index
# --word-diff=porcelain` and GNU wdiff on the corpus, and measures peak
# memory. Figures go to stdout (Markdown), ready for BENCHMARKS.md.
#
# Usage: scripts/bench-redline.sh [ROUNDS]     (default 41)
#
# Method: each round runs every command once, in a rotating order, so
# that machine noise hits all of them alike; the result is the median of
# the per-round ratios (ours / git, ours / wdiff), plus median times.
# hyperfine, when installed, adds absolute times with spread.
# Needs: cargo, git, python3; wdiff and hyperfine are optional
# (`apt-get update && apt-get install -y wdiff hyperfine`).
set -euo pipefail

cd "$(dirname "$0")/.."
ROUNDS=${1:-41}
CORPUS=../shared/corpus
if [[ ! -d $CORPUS ]]; then
    echo "skipping: $CORPUS not found" >&2
    exit 0
fi
for tool in git python3 cargo; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
HAVE_WDIFF=$(command -v wdiff >/dev/null && echo 1 || echo 0)
HAVE_HYPERFINE=$(command -v hyperfine >/dev/null && echo 1 || echo 0)

cargo build --release --quiet --bin clausediff --example edited_copy
BIN=$PWD/target/release/clausediff
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
target/release/examples/edited_copy "$CORPUS/text/pta_449.txt" "$TMP/pta_449_edited.txt" 449

echo "## Machine"
echo
echo '```'
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo || true
free -h | head -2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
uname -sr
rustc --version
git --version
[[ $HAVE_WDIFF == 1 ]] && wdiff --version | head -1
[[ $HAVE_HYPERFINE == 1 ]] && hyperfine --version
echo '```'
echo

PAIRS=(
    "pta_156 vs pta_342 (0.5 MB each)|$CORPUS/text/pta_156.txt|$CORPUS/text/pta_342.txt"
    "pta_449 (TPP, 1 MB) vs edited copy|$CORPUS/text/pta_449.txt|$TMP/pta_449_edited.txt"
)

echo "## Alternating runs ($ROUNDS rounds, median of per-round ratios)"
echo
for pair in "${PAIRS[@]}"; do
    IFS='|' read -r label a b <<<"$pair"
    echo "### $label"
    echo
    python3 - "$ROUNDS" "$HAVE_WDIFF" "$BIN" "$a" "$b" <<'EOF'
import os, statistics, sys, time

rounds, have_wdiff, bin_, a, b = int(sys.argv[1]), sys.argv[2] == "1", *sys.argv[3:]
commands = {
    "redline (auto threads)": [bin_, "redline", a, b, "--format", "json", "-o", "/dev/null"],
    "redline (1 thread)": [bin_, "redline", a, b, "--format", "json", "-o", "/dev/null", "--threads", "1"],
    "git --word-diff": ["git", "diff", "--no-index", "--word-diff=porcelain", a, b],
}
if have_wdiff:
    commands["wdiff"] = ["wdiff", a, b]

devnull = os.open(os.devnull, os.O_WRONLY)
actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]

def run(argv):
    start = time.perf_counter_ns()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    os.waitpid(pid, 0)
    return (time.perf_counter_ns() - start) / 1e6

names = list(commands)
for name in names:  # warm-up: page cache, binaries
    for _ in range(3):
        run(commands[name])
times = {name: [] for name in names}
for r in range(rounds):
    order = names[r % len(names):] + names[:r % len(names)]
    for name in order:
        times[name].append(run(commands[name]))

print("| command | median ms | min ms |")
print("| --- | ---: | ---: |")
for name in names:
    print(f"| {name} | {statistics.median(times[name]):.2f} | {min(times[name]):.2f} |")
print()
for ours in ["redline (auto threads)", "redline (1 thread)"]:
    for peer in ["git --word-diff", "wdiff"]:
        if peer in times:
            ratios = [o / p for o, p in zip(times[ours], times[peer])]
            print(f"- {ours} / {peer}: median ratio **{statistics.median(ratios):.2f}**")
print()
EOF
done

if [[ $HAVE_HYPERFINE == 1 ]]; then
    echo "## hyperfine (absolute times)"
    echo
    for pair in "${PAIRS[@]}"; do
        IFS='|' read -r label a b <<<"$pair"
        echo "### $label"
        echo
        cmds=("$BIN redline $a $b --format json -o /dev/null" "$BIN redline $a $b --format json -o /dev/null --threads 1"
              "git diff --no-index --word-diff=porcelain $a $b")
        [[ $HAVE_WDIFF == 1 ]] && cmds+=("wdiff $a $b")
        hyperfine -N -i --warmup 5 --runs 60 --style none --export-markdown "$TMP/h.md" "${cmds[@]}" >/dev/null 2>&1
        sed "s|$BIN|clausediff|g; s|$CORPUS/text/||g; s|$TMP/||g" "$TMP/h.md"
        echo
    done
fi

echo "## Peak memory (max RSS, /usr/bin/time)"
echo
if [[ -x /usr/bin/time ]]; then
    echo "| run | inputs (bytes) | max RSS (KiB) | RSS / inputs |"
    echo "| --- | ---: | ---: | ---: |"
    for pair in "${PAIRS[@]}"; do
        IFS='|' read -r label a b <<<"$pair"
        size=$(( $(stat -c %s "$a") + $(stat -c %s "$b") ))
        # Exit status 1 means "differences found": not a failure here.
        max_rss() { /usr/bin/time -o "$TMP/rss" -f %M "$@" >/dev/null 2>&1 || true; tail -1 "$TMP/rss"; }
        for threads in 0 1; do
            rss=$(max_rss "$BIN" redline "$a" "$b" --format json -o /dev/null --threads "$threads")
            echo "| $label, redline threads=$threads | $size | $rss | $(python3 -c "print(f'{$rss * 1024 / $size:.1f}x')") |"
        done
        rss=$(max_rss git diff --no-index --word-diff=porcelain "$a" "$b")
        echo "| $label, git --word-diff | $size | $rss | $(python3 -c "print(f'{$rss * 1024 / $size:.1f}x')") |"
    done
else
    echo "(/usr/bin/time not found: apt-get install -y time)"
fi
echo
echo "Stage timings: \`cargo bench --bench redline\` (criterion)."
