package input

import (
	"context"
	"strings"
	"testing"

	"coauthor/parse"
	"coauthor/parse/identity"
)

func TestOptionsValidate(t *testing.T) {
	for _, tt := range []struct {
		opt   Options
		field string // "" when valid
	}{
		{Options{}, ""},
		{Options{Format: "auto"}, ""},
		{Options{Format: "DBLP", AuthorSep: ";", SkipBad: true, MaxAuthors: 100, CapAuthors: true, Since: 2000, Until: 2020,
			Resolve: identity.Options{Strict: true, NoMerge: true}}, ""},
		{Options{Since: 2020, Until: 2020}, ""},
		{Options{Format: "pdf"}, "Format"},
		{Options{MaxAuthors: -1}, "MaxAuthors"},
		{Options{Since: -1}, "Since"},
		{Options{Until: -2000}, "Until"},
		{Options{Since: 2021, Until: 2020}, "Since"},
		{Options{AuthorSep: "\n"}, "AuthorSep"},
		{Options{AuthorSep: "\xff"}, "AuthorSep"},
	} {
		err := tt.opt.Validate()
		switch {
		case tt.field == "" && err != nil:
			t.Errorf("%+v: %v, want nil", tt.opt, err)
		case tt.field != "" && (err == nil || !strings.Contains(err.Error(), tt.field)):
			t.Errorf("%+v: %v, want an error naming %s", tt.opt, err, tt.field)
		}
	}
	if d, err := Load(context.Background(), []Source{{Name: "p", R: strings.NewReader("T\n\nJan 2, 2020\nAda Lovelace\n")}}, Options{MaxAuthors: -3}); err == nil || d != nil {
		t.Errorf("Load with MaxAuthors -3: %v, %v", d, err)
	}
	if err := (parse.ReadOptions{File: "x.csv", AuthorSep: " | "}).Validate(); err != nil {
		t.Errorf("ReadOptions with a separator: %v", err)
	}
	if err := (identity.Options{}).Validate(); err != nil {
		t.Errorf("identity.Options{}: %v", err)
	}
}
