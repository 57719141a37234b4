#!/bin/sh
# System packages the test suite needs beyond Node and npm; .ci/run calls this before the tests.
# - git-email: `git send-email`, for the sendemail-validate hook test (test/integrations/hooks.test.ts
#   skips that test, saying so, when it is missing).
# - pre-commit: the pre-commit framework, for test/integrations/preCommit.test.ts (skipped, saying
#   so, when it is missing).
set -eu

need=""

if [ ! -x "$(git --exec-path)/git-send-email" ]; then need="$need git-email"; fi
if ! command -v pre-commit >/dev/null 2>&1; then need="$need pre-commit"; fi

if [ -n "$need" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  else
    echo "deps:$need missing and cannot be installed here (needs apt-get as root); their tests will be skipped" >&2
  fi
fi
