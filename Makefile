# Every target calls a script in scripts/; see README.md.
.PHONY: run test build debug web bench clean

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

build:
	bash scripts/deps.sh && bash scripts/build.sh release

debug:
	bash scripts/deps.sh && bash scripts/build.sh debug

web:
	bash scripts/deps.sh && cd web && npm run build

bench:
	bash scripts/bench.sh

clean:
	rm -rf build web/dist
