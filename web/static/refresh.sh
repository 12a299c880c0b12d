#!/usr/bin/env bash
# refresh.sh fetches the NHS design system (nhsuk-frontend) from npm and
# copies the files the staff UI serves into this folder, so that `go build`
# never needs Node. Run it from anywhere; commit what it writes.
#
#   web/static/refresh.sh            # the pinned version below
#   NHSUK_VERSION=10.7.0 web/static/refresh.sh
#
# What it does, and why:
#   - css/nhsuk.min.css: the minified CSS with the @font-face rules removed.
#     They load Frutiger from assets.nhs.uk; the font is licensed to NHS
#     domains and our hosts may have no internet access. The CSS falls back
#     to Arial.
#   - The CSS refers to icons as /assets/images/nhsuk-icon-*.svg; those URLs
#     are rewritten to /static/img/... and the icons copied to img/. The
#     server serves every static file under its plain name as well as its
#     content-hashed name, so these plain URLs work.
#   - js/nhsuk-frontend.min.js: the ES module build. js/init.js imports it
#     by the plain relative path './nhsuk-frontend.min.js' (a hashed import
#     path would have to be rewritten into init.js on every refresh).
#   - img/favicon.ico, served at /favicon.ico.
#   - VERSION records the version copied.
set -euo pipefail

version="${NHSUK_VERSION:-10.6.1}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "nhsuk-frontend@${version}" >/dev/null)
tar -xzf "$tmp"/nhsuk-frontend-"${version}".tgz -C "$tmp"
dist="$tmp/package/dist/nhsuk"

mkdir -p "$here/css" "$here/js" "$here/img"

# Drop the remote web fonts and the source-map comment; point icon URLs at
# our static path.
sed -E \
	-e 's#@font-face\{[^}]*\}##g' \
	-e 's#url\(/assets/images/#url(/static/img/#g' \
	-e 's#/\*\# sourceMappingURL=[^*]*\*/##g' \
	"$dist/nhsuk-frontend.min.css" >"$here/css/nhsuk.min.css"

if grep -q 'assets\.nhs\.uk' "$here/css/nhsuk.min.css"; then
	echo "refresh.sh: the CSS still refers to assets.nhs.uk; check the @font-face rewrite" >&2
	exit 1
fi

sed -e 's#//\# sourceMappingURL=.*$##' \
	"$dist/nhsuk-frontend.min.js" >"$here/js/nhsuk-frontend.min.js"

# Copy exactly the images the CSS uses, plus the favicon.
rm -f "$here"/img/nhsuk-icon-*.svg
grep -oE '/static/img/[A-Za-z0-9._-]+' "$here/css/nhsuk.min.css" | sort -u | while read -r url; do
	name="${url#/static/img/}"
	cp "$dist/assets/images/$name" "$here/img/$name"
done
cp "$dist/assets/images/favicon.ico" "$here/img/favicon.ico"

echo "nhsuk-frontend ${version}" >"$here/VERSION"
echo "refresh.sh: copied nhsuk-frontend ${version} into $here"
