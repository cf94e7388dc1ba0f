# The two commands of README: `make run` and `make test`. Both first install what a fresh
# Debian machine lacks.

SYSTEM_PACKAGES := libsqlite3-dev libcurl4-openssl-dev
SWIFT ?= swift

.PHONY: run test build setup release bench interop

setup:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get install -y $$missing || (apt-get update && apt-get install -y $$missing)) || exit 1; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	    (sudo apt-get install -y $$missing || (sudo apt-get update && sudo apt-get install -y $$missing)) || exit 1; \
	  else \
	    echo "Cannot install system packages (not root, no sudo). Run as root:"; \
	    echo "  apt-get update && apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

run: setup
	$(SWIFT) run fengchao serve

build: setup
	$(SWIFT) build

test: setup
	$(SWIFT) test
	$(MAKE) interop

# Live check with wechatpy, a real third-party WeChat SDK, against a running `fengchao serve`.
VENV := .venv
interop: setup
	@test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check "wechatpy==1.8.18" cryptography xmltodict
	$(SWIFT) build --product fengchao
	$(VENV)/bin/python scripts/interop_wechatpy.py .build/debug/fengchao

release: setup
	$(SWIFT) build -c release
