package measure

import (
	"coauthor/graph/filter"
	"coauthor/graph/formats"
)

// Columns returns the measures named as export columns, of the nodes keep
// (ids in s's graph, in the order of the exported graph's nodes); an
// estimated measure is followed by its standard error, NAME_stderr.
func (s *Set) Columns(names []string, keep []int32) ([]formats.Column, error) {
	values, err := s.All(names)
	if err != nil {
		return nil, err
	}
	var cols []formats.Column
	for i, name := range names {
		cols = append(cols, formats.Column{Name: name, Values: filter.Pick(values[i], keep), Integer: Integer(name)})
		if se := s.StdErr(name); se != nil {
			cols = append(cols, formats.Column{Name: name + "_stderr", Values: filter.Pick(se, keep)})
		}
	}
	return cols, nil
}
