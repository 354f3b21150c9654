#!/usr/bin/env bash
# Builds the Teams app package to upload: manifests/teams/warroom-teams.zip, with your bot's app id
# (MICROSOFT_APP_ID) and host (WARROOM_HOST, e.g. warroom.acme.io) put in the manifest.
set -euo pipefail
cd "$(dirname "$0")"
: "${MICROSOFT_APP_ID:?set MICROSOFT_APP_ID to the Azure Bot's Microsoft App ID}"
: "${WARROOM_HOST:?set WARROOM_HOST to Warroom's public host name, e.g. warroom.acme.io}"
out="$(mktemp -d)"
sed -e "s/00000000-0000-0000-0000-000000000000/${MICROSOFT_APP_ID}/g" \
    -e "s/warroom\.example\.com/${WARROOM_HOST}/g" manifest.json > "$out/manifest.json"
cp color.png outline.png "$out/"
rm -f warroom-teams.zip
python3 -c 'import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    [z.write(os.path.join(sys.argv[2], n), n) for n in ("manifest.json", "color.png", "outline.png")]' \
  "$PWD/warroom-teams.zip" "$out"
rm -rf "$out"
echo "Built $PWD/warroom-teams.zip"
