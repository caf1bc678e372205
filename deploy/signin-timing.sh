#!/usr/bin/env bash
# Measures sign-in refusal times (issue #11, account enumeration): usage deploy/signin-timing.sh REPO_ROOT PORT [N]
# after dotnet build. Times sign-in refusals for an unknown address, a known one (wrong password)
# and a locked one, over HTTP on loopback; N requests each, median ms.
set -euo pipefail
root=$1; port=$2; n=${3:-15}
dll=$root/src/HealthBot/bin/Debug/net10.0/healthbot.dll
data=$(mktemp -d)
export Storage__DataDirectory=$data Content__Directory=$root/content Campaigns__RunJobs=false Admin__MaxFailedLogins=3
export Twilio__AccountSid=ACtest00000000000000000000000000 Twilio__AuthToken=x Twilio__PublicBaseUrl=https://bot.example.org Twilio__ApiBaseUrl=http://127.0.0.1:9
echo "correct horse battery staple" | dotnet $dll user add known@ngo.example --role editor >/dev/null
echo "correct horse battery staple" | dotnet $dll user add locked@ngo.example --role editor >/dev/null
dotnet $dll serve --urls http://127.0.0.1:$port > $data/serve.log 2>&1 &
pid=$!
trap 'kill $pid; rm -rf "$data"' EXIT
for i in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:$port/admin/login && break; sleep 1; done
attempt() { # email password -> ms
  jar=$(mktemp); page=$(curl -s -c $jar http://127.0.0.1:$port/admin/login)
  token=$(echo "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  t=$(curl -s -b $jar -o /dev/null -w '%{time_total}' --data-urlencode "Email=$1" --data-urlencode "Password=$2" --data-urlencode "__RequestVerificationToken=$token" http://127.0.0.1:$port/admin/login)
  rm -f $jar; echo "$t"
}
for i in 1 2 3 4; do attempt locked@ngo.example "wrong password $i" >/dev/null; done
attempt known@ngo.example warmup >/dev/null; attempt nobody@ngo.example warmup >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}'; }
rm -f $data/u $data/k $data/l
for i in $(seq 1 $n); do
  attempt "nobody$i@ngo.example" "wrong password" >> $data/u
  attempt known@ngo.example "wrong password" >> $data/k
  attempt known@ngo.example "correct horse battery staple" >/dev/null
  attempt locked@ngo.example "wrong password" >> $data/l
done
u=$(median < $data/u); k=$(median < $data/k); l=$(median < $data/l)
echo "median ms over $n (interleaved): unknown=$u known-wrong=$k locked=$l"
