#!/bin/sh
# Debian packages the bench draws on (`npm run bench` lists which it found): the photo
# corpora (wallpaper packages), the vipsthumbnail baseline, GNU time (peak RSS) and
# taskset (util-linux: the one-core scaling row). Packages this release of Debian lacks are
# named and skipped; the bench uses what is there. Run as root (or with sudo).
set -eu
WANTED="plasma-workspace-wallpapers ukui-wallpapers mate-backgrounds lomiri-wallpapers-20.04
lomiri-wallpapers-16.04 gnome-backgrounds libvips-tools time util-linux poppler-utils
forensics-samples-files assimp-testmodels"
apt-get update
FOUND=""
for pkg in $WANTED; do
  if apt-cache show "$pkg" >/dev/null 2>&1; then FOUND="$FOUND $pkg"; else echo "not in apt: $pkg"; fi
done
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $FOUND
