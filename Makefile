# Make targets run exactly what CI runs (see .ci/run).
.PHONY: test lint integration eval bench e2e

test:
	go test -race -count=1 ./...

lint:
	gofmt -l $$(git ls-files '*.go')
	go vet ./...

# Real-dependency tests are opt-in (an LLM endpoint, a Jira instance).
integration:
	LOTSE_INTEGRATION=1 go test -count=1 ./...

e2e:
	LOTSE_E2E=1 go test -count=1 ./channels/...

eval:
	go run ./cmd/lotse eval --cases evals/cases/musterstadt --format markdown

bench:
	go test -run '^$$' -bench . -benchtime 1x ./knowledge/ ./channels/...
