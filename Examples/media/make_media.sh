#!/usr/bin/env bash
# How the example media were made (Debian: imagemagick, fonts-dejavu-core, espeak-ng,
# opus-tools). Synthetic on purpose: a rent receipt and a voice note for the example
# conversation. Accuracy is measured on real images and recordings (Benchmarks/ocr, voice).
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/convert -size 620x560 xc:'#f7f5ef' -font /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf \
    -pointsize 26 -fill '#222' -annotate +40+60 'KIGALI HEIGHTS LTD' \
    -pointsize 20 -annotate +40+100 'KG 7 Ave, Kacyiru, Kigali' -annotate +40+130 'Tel: +250 788 123 456' \
    -annotate +40+190 'RECEIPT No. 0042' -annotate +40+220 'Date: 03/11/2025' \
    -annotate +40+280 'Rent November, Unit 4B  350,000' -annotate +40+310 'Water                    12,500' \
    -annotate +40+340 'Service charge           15,000' -pointsize 24 -annotate +40+400 'TOTAL     RWF 377,500' \
    -pointsize 20 -annotate +40+460 'Paid by: Amina Uwase' -annotate +40+490 'Thank you!' \
    -background '#f7f5ef' -rotate 2 -attenuate 0.4 +noise Gaussian -quality 80 receipt-0042.jpg
espeak-ng -v en-us -s 150 -w /tmp/voice-note.wav \
    "Hello, the kitchen sink in unit four B is leaking. Water is everywhere. Please send a plumber today."
opusenc --quiet --bitrate 16 --downmix-mono /tmp/voice-note.wav voice-note.ogg
