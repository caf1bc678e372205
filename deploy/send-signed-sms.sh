#!/usr/bin/env bash
# Send one inbound-SMS webhook to a running HealthBot, signed exactly as Twilio signs it, so the Twilio
# path can be tried without a Twilio account or a public URL. Needs only bash, curl and openssl.
#
# usage: deploy/send-signed-sms.sh FROM TEXT
#   FROM   the sender, e.g. +254700000001 (or whatsapp:+254700000001 to look like a WhatsApp message)
#   TEXT   the message text (quote it)
#
# environment:
#   TWILIO_AUTH_TOKEN       required; must equal the server's Twilio__AuthToken
#   HEALTHBOT_URL           where to send the request (default http://localhost:5080)
#   TWILIO_PUBLIC_BASE_URL  the base URL the server believes it is called at: its Twilio:PublicBaseUrl
#                           if that is set, otherwise the URL you call it at (default HEALTHBOT_URL)
#
# Twilio's algorithm (https://www.twilio.com/docs/usage/security#validating-requests):
#   X-Twilio-Signature = base64(HMAC-SHA1(auth token, full URL + each POST parameter name followed by its
#   value, sorted by name)). The raw values are signed; the body carries them URL-encoded.
#
# Prints the response body and the HTTP status; exits 0 only on HTTP 200.
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 FROM TEXT   (needs TWILIO_AUTH_TOKEN; optional HEALTHBOT_URL, TWILIO_PUBLIC_BASE_URL)" >&2
    exit 2
fi

if [[ -z "${TWILIO_AUTH_TOKEN:-}" ]]; then
    echo "$0: set TWILIO_AUTH_TOKEN to the server's Twilio__AuthToken" >&2
    exit 2
fi

from=$1
text=$2
base_url=${HEALTHBOT_URL:-http://localhost:5080}
base_url=${base_url%/}
public_base_url=${TWILIO_PUBLIC_BASE_URL:-$base_url}
public_base_url=${public_base_url%/}
path=/webhooks/twilio/sms

message_sid="SM$(openssl rand -hex 16)"
account_sid="AC00000000000000000000000000000000"
to="+15550001111"

# Parameters sorted by name (byte order): AccountSid, Body, From, MessageSid, To.
signed_data="${public_base_url}${path}AccountSid${account_sid}Body${text}From${from}MessageSid${message_sid}To${to}"
signature=$(printf '%s' "$signed_data" | openssl dgst -sha1 -hmac "$TWILIO_AUTH_TOKEN" -binary | openssl base64 -A)

# --data-urlencode encodes each value for the application/x-www-form-urlencoded body.
response=$(curl -sS "${base_url}${path}" \
    -H "X-Twilio-Signature: ${signature}" \
    --data-urlencode "MessageSid=${message_sid}" \
    --data-urlencode "AccountSid=${account_sid}" \
    --data-urlencode "From=${from}" \
    --data-urlencode "To=${to}" \
    --data-urlencode "Body=${text}" \
    --write-out $'\n%{http_code}')

status=${response##*$'\n'}
body=${response%$'\n'*}
printf '%s\n' "$body"
echo "HTTP ${status} (MessageSid ${message_sid})"
[[ "$status" == "200" ]]
