// SPDX-License-Identifier: EUPL-1.2

package knowledge

import "testing"

// TestXLSXTimeFormats checks that number cells formatted as times read as
// a clock reads them, elapsed times as hours however many, and that
// dates, date-times and plain numbers keep their reading.
func TestXLSXTimeFormats(t *testing.T) {
	for _, c := range []struct {
		f    float64
		code string
		want string
	}{
		{0.5833333333333334, "hh:mm", "14:00"},
		{0.7291666666666666, "h:mm", "17:30"},
		{0.3854166666666667, `h:mm\ "Uhr"`, "09:15"},
		{0.75, "h:mm AM/PM", "18:00"},
		{0.5000115740740741, "hh:mm:ss", "12:00:01"},
		{1.5, "[h]:mm", "36:00"},
		{0.0017361111111111, "mm:ss", "02:30"},
		{46461, "dd.mm.yyyy", "15.03.2027"},
		{46461.5, "dd.mm.yyyy hh:mm", "15.03.2027 12:00"},
		{2.5, "0.00", "2,50"},
		{0.25, "[Red]0.00", "0,25"},
	} {
		if got := xlsxNumber(c.f, c.code); got != c.want {
			t.Errorf("%v formatted %q reads %q, want %q", c.f, c.code, got, c.want)
		}
	}
	// Built-in time formats (ids 18–21, 45–47) are known by id.
	if got := xlsxValue("0.4375", "", 0, nil, []string{xlsxBuiltinFormats[20]}); got != "10:30" {
		t.Errorf("built-in format 20 reads %q, want 10:30", got)
	}
}
