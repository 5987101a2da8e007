#!/usr/bin/env bash
# Cuts a release on this machine (docs/releasing.md): checks that the tree is clean, that the product version is the
# same everywhere it is written and that CHANGELOG.md has the new version's section; then bumps the version (the root
# pom's <revision>, mirrored into sdk-js/package.json, backend/openapi.yml and the SDK READMEs), commits, tags
# v<version> and prints the publish commands. It publishes nothing and pushes nothing.
#
# Usage: scripts/release.sh <version>        e.g. scripts/release.sh 0.2.0
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
  echo "release.sh: $*" >&2
  exit 1
}

[ $# -eq 1 ] || die "usage: scripts/release.sh <version>   (e.g. 0.2.0)"
new=$1
[[ $new =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || die "'$new' is not a version like 1.2.3 or 1.2.3-rc.1"

dirty=$(git status --porcelain)
[ -z "$dirty" ] || die "the working tree is not clean; commit or stash first:
$dirty"

# The one place: the root pom's revision. The others must equal it (SdkVersionTest and release.test.ts check this too).
current=$(sed -n 's:^ *<revision>\(.*\)</revision>.*:\1:p' pom.xml | head -n 1)
js=$(node -p 'require("./sdk-js/package.json").version')
api=$(sed -n 's/^  version: "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' backend/openapi.yml | head -n 1)
[ -n "$current" ] || die "pom.xml has no <revision>"
if [ "$current" != "$js" ] || [ "$current" != "$api" ]; then
  die "the versions do not match: pom.xml <revision> $current, sdk-js/package.json $js, backend/openapi.yml info.version $api"
fi
[ "$new" != "$current" ] || die "the version is $new already"
if git rev-parse -q --verify "refs/tags/v$new" >/dev/null; then
  die "tag v$new exists already"
fi
grep -q "^## \[$new\]" CHANGELOG.md \
  || die "CHANGELOG.md has no '## [$new] - <date>' section: move the Unreleased entries there and commit first"

echo "release.sh: $current -> $new"
sed -i "s:<revision>$current</revision>:<revision>$new</revision>:" pom.xml
node -e '
  const fs = require("fs");
  const version = process.argv[1];
  for (const file of ["sdk-js/package.json", "sdk-js/package-lock.json"]) {
    if (!fs.existsSync(file)) continue;
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    json.version = version;
    if (json.packages && json.packages[""]) json.packages[""].version = version;
    fs.writeFileSync(file, JSON.stringify(json, null, 2) + "\n");
  }' "$new"
# info.version of the committed API document (the backend build writes the same from <revision>), and its checksum
sed -i "0,/^  version: .*/s//  version: $new/" backend/openapi.yml
sha256sum backend/openapi.yml | cut -d' ' -f1 > sdk-java/openapi.sha256
sed -i "s:<version>$current</version>:<version>$new</version>:" sdk-java/README.md
sed -i "s:agentops-sdk-$current\.tgz:agentops-sdk-$new.tgz:g" sdk-js/README.md

git commit -q -a -m "Release $new"
git tag -a "v$new" -m "AgentOps Hub $new"
echo "release.sh: committed 'Release $new' and tagged v$new. Next, by hand (docs/releasing.md):"
cat <<NEXT
  mvn -B -ntp verify                                             # the tagged commit builds and passes
  git push origin HEAD v$new
  npm publish sdk-js/target/agentops-sdk-$new.tgz --access public
  mvn -B -ntp -pl sdk-java -P release deploy -DskipTests         # Maven Central (signed, central-publishing plugin)
NEXT
