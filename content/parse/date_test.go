package parse

import (
	"testing"

	"github.com/gloss/gloss/content"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    content.Date
		wantErr string
	}{
		{"29 March 2022", content.Date{Year: 2022, Month: 3, Day: 29}, ""},
		{"8 february 2024", content.Date{Year: 2024, Month: 2, Day: 8}, ""},
		{"08  February 2024", content.Date{Year: 2024, Month: 2, Day: 8}, ""},
		{"March 2022", content.Date{Year: 2022, Month: 3}, ""},
		{"2022", content.Date{Year: 2022}, ""},
		{"29 February 2024", content.Date{Year: 2024, Month: 2, Day: 29}, ""},
		{"29 February 2023", content.Date{}, `"29 February 2023" is not a date: February 2023 has 28 days`},
		{"31 April 2022", content.Date{}, `"31 April 2022" is not a date: April 2022 has 30 days`},
		{"0 April 2022", content.Date{}, `"0 April 2022" is not a date; write it like "29 March 2022", "March 2022" or "2022"`},
		{"-1 April 2022", content.Date{}, `"-1 April 2022" is not a date; write it like "29 March 2022", "March 2022" or "2022"`},
		{"March 29, 2022", content.Date{}, `"March 29, 2022" is not a date; write it like "29 March 2022", "March 2022" or "2022"`},
		{"2022-03-29", content.Date{}, `"2022-03-29" is not a date; write it like "29 March 2022", "March 2022" or "2022"`},
		{"22", content.Date{}, `"22" is not a date; write it like "29 March 2022", "March 2022" or "2022"`},
		{"", content.Date{}, `"" is not a date; write it like "29 March 2022", "March 2022" or "2022"`},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("parseDate(%q) error = %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
