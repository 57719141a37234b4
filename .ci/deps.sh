#!/bin/sh
# System packages the test suite needs beyond Node and npm; .ci/run calls this before the tests.
# - git-email: `git send-email`, for the sendemail-validate hook test (test/integrations/hooks.test.ts
#   skips that test, saying so, when it is missing).
set -eu

if [ ! -x "$(git --exec-path)/git-send-email" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git-email >/dev/null
  else
    echo "deps: git send-email is missing and cannot be installed here (needs apt-get as root); its test will be skipped" >&2
  fi
fi
