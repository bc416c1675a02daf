#!/usr/bin/env bash
# Regenerate the translation sources and compiled catalogues of the desktop app.
#
#   tools/update_translations.sh
#
# 1. pyside6-lupdate extracts every tr()/translate() string of ui/ (its packages too) into
#    resources/translations/barnahus_<lang>.ts, keeping the translations already made
#    (new strings come in marked "unfinished"; strings no longer in the code are dropped).
# 2. Translate the unfinished ones (pyside6-linguist, or any .ts editor).
# 3. pyside6-lrelease compiles each .ts into the .qm the app loads (unfinished ones are left out,
#    so the English text shows for them).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
langs=(sv)
sources=(ui/*.py ui/*/*.py)
for lang in "${langs[@]}"; do
  ts=resources/translations/barnahus_${lang}.ts
  "$bin/pyside6-lupdate" -no-obsolete -locations relative -target-language "$lang" "${sources[@]}" -ts "$ts"
  "$bin/pyside6-lrelease" -nounfinished "$ts" -qm "${ts%.ts}.qm"
done
