// SPDX-License-Identifier: EUPL-1.2

package evals

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/musterstadt/lotse/assistant"
)

// settingBuilder builds fake askers: retrieval=good finds the source,
// retrieval=bad does not. It records builds and releases.
type settingBuilder struct {
	built, released []string
}

func (b *settingBuilder) build(ctx context.Context, setting map[string]string) (Asker, func(), error) {
	v, ok := setting["retrieval"]
	if !ok {
		v = "good" // the default setting
	}
	b.built = append(b.built, v)
	release := func() { b.released = append(b.released, v) }
	switch v {
	case "good":
		return &fakeAsker{script: map[string]scripted{
			"q": {answer: assistant.Answer{Text: "Es kostet 70,00 Euro.", Retrieved: []string{"leistungen/reisepass"}, Sources: src("leistungen/reisepass"), Intent: assistant.IntentServiceInfo}},
		}}, release, nil
	case "bad":
		return &fakeAsker{script: map[string]scripted{
			"q": {answer: assistant.Answer{Text: "Keine Ahnung.", Retrieved: []string{"leistungen/fundsachen"}, Intent: assistant.IntentServiceInfo}},
		}}, release, nil
	}
	return nil, nil, errors.New("unknown retrieval " + v)
}

var compareCases = []Case{{ID: "c", Question: "q", Expect: Expect{Sources: []string{"reisepass"}, Facts: []string{"70,00 Euro"}, Intent: assistant.IntentServiceInfo}}}

func TestCompare(t *testing.T) {
	b := &settingBuilder{}
	c, err := Compare(context.Background(), compareCases, "retrieval", []string{"good", "bad"}, b.build)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(b.built, ",") != "good,bad" || strings.Join(b.released, ",") != "good,bad" {
		t.Errorf("built %v, released %v; want each setting built and released once, in order", b.built, b.released)
	}
	if c.Reports[0].Hit5 != (Rate{1, 1}) || c.Reports[1].Hit5 != (Rate{0, 1}) {
		t.Errorf("hit@5 = %v / %v, want 1 / 0", c.Reports[0].Hit5, c.Reports[1].Hit5)
	}

	var txt bytes.Buffer
	if err := c.Write(&txt, "text"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(txt.String(), "\n")
	if f := strings.Fields(lines[0]); strings.Join(f, " ") != "retrieval good bad" {
		t.Errorf("header = %q", lines[0])
	}
	if !strings.Contains(txt.String(), "hit@5") || !regexpFields(txt.String(), "hit@5", "1.00", "0.00") {
		t.Errorf("text comparison lacks the hit@5 row:\n%s", txt.String())
	}

	var md bytes.Buffer
	if err := c.Write(&md, "markdown"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Metric | retrieval=good | retrieval=bad |", "| hit@5 | 1.00 | 0.00 |", "| fact recall | 1.00 | 0.00 |"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown comparison lacks %q\n%s", want, md.String())
		}
	}

	var js bytes.Buffer
	if err := c.Write(&js, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Key     string
		Values  []string
		Metrics map[string]map[string]any
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Metrics["hit5"]["good"] != 1.0 || got.Metrics["hit5"]["bad"] != 0.0 || got.Metrics["fact_recall"]["bad"] != 0.0 {
		t.Errorf("JSON comparison metrics = %v", got.Metrics)
	}

	if v := c.Check(Thresholds{MinHit5: 0.9}); len(v) != 1 || !strings.HasPrefix(v[0], "retrieval=bad: hit@5") {
		t.Errorf("Check = %q, want one violation for retrieval=bad", v)
	}
}

// regexpFields reports whether a line starting with name has the fields.
func regexpFields(text, name string, fields ...string) bool {
	for _, l := range strings.Split(text, "\n") {
		f := strings.Fields(l)
		if len(f) > 0 && f[0] == name {
			return strings.Join(f[1:], " ") == strings.Join(fields, " ")
		}
	}
	return false
}

func TestCompareErrors(t *testing.T) {
	b := &settingBuilder{}
	_, err := Compare(context.Background(), compareCases, "retrieval", []string{"good", "nonsense"}, b.build)
	if err == nil || !strings.Contains(err.Error(), "retrieval=nonsense") {
		t.Errorf("Compare with a failing build: err = %v", err)
	}
	if _, err := Compare(context.Background(), compareCases, "", []string{"x"}, b.build); err == nil {
		t.Error("Compare with an empty key succeeded")
	}
	if _, err := Compare(context.Background(), compareCases, "retrieval", nil, b.build); err == nil {
		t.Error("Compare without values succeeded")
	}
}
