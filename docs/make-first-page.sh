#!/usr/bin/env bash
# Renders the README's picture through the real pipeline:
# examples/complete.answers.yaml → drafter render → .docx → LibreOffice → PDF → pdftoppm → PNG.
# Needs soffice, pdftoppm, fonts-noto-cjk and fonts-arphic-ukai (see .ci/run);
# docs/fonts/gongwen-aliases.conf maps the 公文 font names onto them.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include>/etc/fonts/fonts.conf</include><include>$(pwd)/docs/fonts/gongwen-aliases.conf</include></fontconfig>
CONF
python -m drafter render examples/complete.answers.yaml -o "$tmp/complete.docx"
FONTCONFIG_FILE="$tmp/fonts.conf" soffice "-env:UserInstallation=file://$tmp/profile" --headless \
  --convert-to pdf --outdir "$tmp" "$tmp/complete.docx" >/dev/null
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/complete.pdf" docs/first-page
echo "docs/first-page.png"
