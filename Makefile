# The two commands a new user needs (see README): `make demo` and `make test`.
SWIFT ?= swift

.PHONY: setup build demo test clean

setup:
	./scripts/setup.sh

build: setup
	$(SWIFT) build

demo: build
	./scripts/demo.sh

test: setup
	$(SWIFT) test --disable-xctest

clean:
	rm -rf .build demo.sqlite demo.sqlite-wal demo.sqlite-shm
