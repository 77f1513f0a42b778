#!/usr/bin/env bash
# Checks what `mvn -Pdist package` made: the .deb reads (dpkg-deb -I), and the app image's own launcher opens the
# window, in English and in Korean, on a virtual display (Xvfb). Takes a screenshot of each window, says how long
# the window took to its first frame and how many of the classes it loaded came from the class-data archive, and
# fails if the window did not open, if its log has an exception or JavaFX's "Unsupported JavaFX configuration"
# warning, or if the archive was not used.
#
#   src/dist/check-app-image.sh [IMAGE_DIR [OUT_DIR]]
#
# Needs: Xvfb, xdotool and ImageMagick's import (apt-get install -y xvfb xdotool imagemagick), and GTK 3
# (libgtk-3-0). The app keeps its autosave in a temporary folder, not in ~/.backpropviz. Not part of `mvn verify`:
# building the package takes minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
image=${1:-target/dist/backprop-visualizer}
out=${2:-target/dist/check}
display=:${CHECK_DISPLAY:-97}
launcher="$image/bin/$(basename "$image")"

for tool in Xvfb xdotool /usr/bin/import; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y xvfb xdotool imagemagick)"; exit 2; }
done
[ -x "$launcher" ] || { echo "no app image at $image: run mvn -Pdist package first"; exit 2; }
mkdir -p "$out"
home=$(mktemp -d)
failed=0

deb=$(ls target/dist/*.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
  dpkg-deb -I "$deb" > "$out/deb-info.txt" || { echo "FAIL: dpkg-deb cannot read $deb"; failed=1; }
  echo "deb: $deb, $(du -h "$deb" | cut -f1); $(grep -E '^ (Package|Version|Depends):' "$out/deb-info.txt" | tr -s ' ' | tr '\n' ';')"
fi
echo "image: $(du -sh "$image" | cut -f1)"

Xvfb "$display" -screen 0 1440x900x24 >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
sleep 1

for lang in en ko; do
  log="$out/window-$lang.log"
  classes="$out/classes-$lang.txt"
  # JAVA_TOOL_OPTIONS reaches the launcher's JVM (which takes no options of ours otherwise)
  JAVA_TOOL_OPTIONS="-Dbackpropviz.home=$home -Dbackpropviz.startupProbe=true -Duser.language=$lang -Xlog:class+load=info:file=$classes" \
    DISPLAY="$display" "$launcher" >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 300); do grep -q "first pulse" "$log" && break; kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
  if ! grep -q "first pulse" "$log"; then
    echo "FAIL ($lang): the window did not open; its log:"; cat "$log"; failed=1; continue
  fi
  sleep 3 # its first results drawn
  DISPLAY="$display" /usr/bin/import -window root "$out/window-$lang.png"
  window=$(DISPLAY="$display" xdotool search --onlyvisible --name . | tail -1 || true)
  if [ -n "$window" ]; then DISPLAY="$display" xdotool windowfocus --sync "$window" key ctrl+q || true; fi
  for _ in $(seq 1 150); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$app" 2>/dev/null; then echo "FAIL ($lang): Ctrl+Q did not close the window"; kill "$app"; failed=1; fi
  wait "$app" || true
  app=
  shared=$(grep -c "shared objects file" "$classes" || true)
  total=$(grep -c "source:" "$classes" || true)
  echo "$lang: $(grep -o 'first pulse [0-9]* ms' "$log"); $shared of $total classes from the class-data archive; screenshot $out/window-$lang.png"
  if grep -E "Exception|Unsupported JavaFX configuration" "$log"; then echo "FAIL ($lang): see $log"; failed=1; fi
  if [ "$shared" -lt $((total / 2)) ]; then echo "FAIL ($lang): the class-data archive was not used"; failed=1; fi
done
[ "$failed" = 0 ] && echo "app image check passed" || { echo "app image check FAILED"; exit 1; }
