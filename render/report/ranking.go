package report

import (
	"strconv"

	"coauthor/graph"
	"coauthor/graph/measure"
)

// Ranking returns the ranking of the authors order by the measures columns
// (values[j] holding column j) as text rows, the header first, and as
// JSON objects: rank, name, source_id (when ids is set), then each
// measure. For people (a table) values are rounded (measure.Format); otherwise
// they are exact, and an estimated measure is followed by its standard
// error, NAME_stderr.
func Ranking(s *measure.Set, order []int32, columns []string, values [][]float64, ids func(int32) string, forPeople bool) ([][]string, []Object) {
	g := s.Graph()
	header := []string{"rank", "name"}
	if ids != nil {
		header = append(header, "source_id")
	}
	for _, c := range columns {
		header = append(header, c)
		if s.StdErr(c) != nil && !forPeople {
			header = append(header, c+"_stderr")
		}
	}
	rows, objects := [][]string{header}, []Object{}
	for i, v := range order {
		row, obj := []string{strconv.Itoa(i + 1), g.Node(v).Name}, Object{"rank", i + 1, "name", g.Node(v).Name}
		if ids != nil {
			row, obj = append(row, ids(v)), append(obj, "source_id", ids(v))
		}
		for j, c := range columns {
			x := graph.Flush(values[j][v])
			if forPeople {
				row = append(row, measure.Format(x))
			} else {
				row = append(row, strconv.FormatFloat(x, 'g', -1, 64))
			}
			if measure.Integer(c) {
				obj = append(obj, c, int64(x))
			} else {
				obj = append(obj, c, x)
			}
			if se := s.StdErr(c); se != nil && !forPeople {
				row, obj = append(row, strconv.FormatFloat(graph.Flush(se[v]), 'g', -1, 64)), append(obj, c+"_stderr", graph.Flush(se[v]))
			}
		}
		rows, objects = append(rows, row), append(objects, obj)
	}
	return rows, objects
}
