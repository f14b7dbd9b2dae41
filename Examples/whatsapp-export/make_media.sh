#!/usr/bin/env bash
# The attachments of the example export, named as WhatsApp names them in the .txt. All made by
# the project (no third-party content; same licence as the project):
#   IMG-20251103-WA0007.jpg  = ../media/receipt-0042.jpg (Amina's November receipt, see ../media/make_media.sh)
#   PTT-20251118-WA0021.opus = ../media/voice-note.ogg (the leaking sink in 4B)
#   DOC-20260301-WA0044.pdf  = ../../Tests/Fixtures/documents/lease.pdf (a lease, see its README)
#   IMG-20251128-WA0031.jpg  drawn here (Debian: imagemagick, fonts-dejavu-core): the notice of
#                            the service charge increase.
# The export also names files it does not hold (IMG-20251010-WA0004.jpg, IMG-20260331-WA0052.jpg,
# VID-20260422-WA0061.mp4): an export's media are often incomplete, and the import counts them
# as "mediaMissing". `zip` of this directory gives the .zip WhatsApp shares.
set -euo pipefail
cd "$(dirname "$0")"
cp ../media/receipt-0042.jpg IMG-20251103-WA0007.jpg
cp ../media/voice-note.ogg PTT-20251118-WA0021.opus
cp ../../Tests/Fixtures/documents/lease.pdf DOC-20260301-WA0044.pdf
convert -size 640x480 xc:'#ffffff' -font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    -pointsize 30 -fill '#111' -annotate +40+70 'KACYIRU HEIGHTS' \
    -pointsize 24 -annotate +40+130 'NOTICE TO ALL TENANTS' \
    -pointsize 20 -annotate +40+200 'From 1 January 2026 the monthly' -annotate +40+230 'service charge will be RWF 20,000' \
    -annotate +40+260 'per unit (before: RWF 15,000).' -annotate +40+320 'Reason: a second night guard.' \
    -annotate +40+400 'The Manager, 28/11/2025' -quality 80 IMG-20251128-WA0031.jpg
