# The two commands of README: `make run` and `make test`. Both first install what a fresh
# Debian machine lacks; `make test` also installs the browser its real-browser test drives.

SYSTEM_PACKAGES := libsqlite3-dev libcurl4-openssl-dev libgd-dev
TEST_PACKAGES := chromium chromium-driver fonts-noto-cjk
SWIFT ?= swift

.PHONY: run test build setup setup-test release bench interop browser lint format

# Installs the Debian packages in $(PACKAGES) that are missing: apt-get as root, sudo otherwise.
define install_missing
	@missing=""; \
	for p in $(1); do \
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
endef

setup:
	$(call install_missing,$(SYSTEM_PACKAGES))

setup-test: setup
	$(call install_missing,$(TEST_PACKAGES))

run: setup
	$(SWIFT) run fengchao serve

build: setup
	$(SWIFT) build

test: setup-test lint
	$(SWIFT) test
	$(MAKE) interop
	$(MAKE) browser

# The toolchain's swift-format with the committed .swift-format; `make format` rewrites in place.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

VENV := .venv
$(VENV)/bin/python:
	python3 -m venv $(VENV)

# Live check with wechatpy, a real third-party WeChat SDK, against a running `fengchao serve`.
interop: setup $(VENV)/bin/python
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check "wechatpy==1.8.18" cryptography xmltodict
	$(SWIFT) build --product fengchao
	$(VENV)/bin/python scripts/interop_wechatpy.py .build/debug/fengchao

# The board and the simulator in Debian's Chromium, driven by Selenium; screenshots in .build/screenshots.
browser: setup-test $(VENV)/bin/python
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check "selenium==4.51.0"
	$(SWIFT) build --product fengchao
	$(VENV)/bin/python scripts/browser_test.py .build/debug/fengchao .build/screenshots

release: setup
	$(SWIFT) build -c release
