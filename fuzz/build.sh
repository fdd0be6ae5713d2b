#!/usr/bin/env bash
# Builds one libFuzzer target for Diglot.
#
#   fuzz/build.sh TARGET            -> fuzz/bin/TARGET
#   fuzz/build.sh --list            -> the targets this checkout can build
#
# SwiftPM executables do not link as fuzzers on Linux, so this script copies the sources of the modules a
# target needs into one temporary folder, strips the intra-project `import DiglotX` lines (everything becomes
# one module), adds the target's driver (fuzz/drivers/) and compiles it all with
# `swiftc -sanitize=fuzzer,address`. DiglotLocales's `Bundle.module` is replaced by fuzz/support/BundleModule.swift,
# which finds Locales/data through DIGLOT_LOCALES_DATA (default: this checkout's Locales/data).
#
# FUZZ_SANITIZERS=fuzzer builds fuzz/bin/TARGET-fuzzer without AddressSanitizer (several times faster; Swift's
# own bounds and overflow checks still trap, but leaks and C-level overflows go unseen), for long runs; the
# default is fuzzer,address (fuzz/bin/TARGET).
#
# Targets: xml, html, decoder, query, and one per importer module under Plugins/ (its module name, e.g.
# ArticleImporter), whose driver is generated from fuzz/drivers/Importer.swift.template.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

# The project's own modules: a name in Sources/, Plugins/, or DiglotLocales (Locales/).
module_dir() {
    case "$1" in
        DiglotLocales) echo "Locales" ;;
        *) if [[ -d "Plugins/$1" ]]; then echo "Plugins/$1"; else echo "Sources/$1"; fi ;;
    esac
}

# The importer type a plugin module declares (`struct X: Importer` or `final class X: Importer`).
importer_type() {
    grep -rhoE '(struct|class|enum) [A-Za-z0-9_]+ *: *([A-Za-z0-9_, ]*, *)?Importer\b' "Plugins/$1" \
        | head -1 | sed -E 's/^(struct|class|enum) ([A-Za-z0-9_]+).*/\2/'
}

# Plugin modules with a real importer in them (not just the placeholder namespace).
importer_targets() {
    for dir in Plugins/*/; do
        name="$(basename "$dir")"
        [[ -n "$(importer_type "$name")" ]] && echo "$name"
    done
    return 0
}

# Modules a plugin needs: the importer base, the lexicon when Package.swift gives it one, and the plugin.
plugin_modules() {
    local modules="DiglotModel DiglotLanguage DiglotImporting DiglotXML"
    if grep -rqE '^\s*import (DiglotLexicon|DiglotLocales)' "Plugins/$1"; then
        modules="$modules DiglotLocales DiglotLexicon"
    fi
    echo "$modules $1"
}

target="${1:-}"
if [[ -z "$target" || "$target" == "--list" ]]; then
    printf '%s\n' xml html decoder query $(importer_targets)
    [[ -z "$target" ]] && { echo "usage: fuzz/build.sh TARGET" >&2; exit 2; }
    exit 0
fi

extra_files=()
case "$target" in
    xml|html) modules="DiglotXML" ;;
    decoder) modules="DiglotModel DiglotLanguage DiglotImporting" ;;
    query)
        modules="DiglotModel DiglotLocales DiglotLexicon DiglotAnalysis"
        ;;
    *)
        if [[ ! -d "Plugins/$target" || -z "$(importer_type "$target")" ]]; then
            echo "fuzz/build.sh: unknown target \"$target\"; available: $(printf '%s ' xml html decoder query $(importer_targets))" >&2
            exit 2
        fi
        modules="$(plugin_modules "$target")"
        ;;
esac

work="$(mktemp -d "${TMPDIR:-/tmp}/diglot-fuzz-$target.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"

# Intra-project imports to drop: every module listed (plus the C wrappers stay, they are real modules).
strip_pattern="^[[:space:]]*(@_exported[[:space:]]+|@testable[[:space:]]+|public[[:space:]]+|internal[[:space:]]+|package[[:space:]]+)?import[[:space:]]+($(echo "$modules" | tr ' ' '|'))[[:space:]]*$"

copy_source() {
    local file="$1" module="$2"
    local flat="${module}_$(echo "${file#*/}" | tr '/' '_')"
    grep -vE "$strip_pattern" "$file" > "$work/src/$flat"
}

for module in $modules; do
    dir="$(module_dir "$module")"
    while IFS= read -r -d '' file; do
        copy_source "$file" "$module"
    done < <(find "$dir" -name '*.swift' -not -path '*/data/*' -print0)
    # Locales.swift reads Bundle.module, which only SwiftPM generates: BundleModule.swift stands in for it.
    if [[ "$module" == "DiglotLocales" ]]; then
        sed "s|@LOCALES_DATA@|$root/Locales/data|" fuzz/support/BundleModule.swift > "$work/src/zz_BundleModule.swift"
    fi
done
for file in "${extra_files[@]}"; do copy_source "$file" "$(basename "$(dirname "$file")")"; done

case "$target" in
    xml|html|decoder|query) grep -vE "$strip_pattern" "fuzz/drivers/$target.swift" > "$work/src/zz_Driver.swift" ;;
    *) sed -e "s/@IMPORTER@/$(importer_type "$target")/g" -e "s/@TARGET@/$target/g" \
           fuzz/drivers/Importer.swift.template > "$work/src/zz_Driver.swift" ;;
esac

# A build without ASan gets its own name (fuzz/bin/TARGET-fuzzer), so the two never replace each other and
# fuzz/run.sh picks the one FUZZ_SANITIZERS names.
sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}"
output="fuzz/bin/$target"
[[ "$sanitizers" == "fuzzer,address" ]] || output="fuzz/bin/$target-${sanitizers//,/-}"
mkdir -p fuzz/bin
swiftc -sanitize="$sanitizers" -parse-as-library -O -g -module-name "Fuzz$(echo "$target" | tr -cd 'A-Za-z0-9')" \
    -I Sources/CLibXML2 -I Sources/CHunspell -I Sources/CStemmer -I Sources/CSHA256 -Xcc -I/usr/include/libxml2 -Xcc -I/usr/include/hunspell \
    -lxml2 "$work"/src/*.swift -o "$output" 2> >(grep -v "Cannot export local symbol '__asan" >&2)
echo "built $output ($modules${extra_files[*]:+ + ${extra_files[*]}})"
