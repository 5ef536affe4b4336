package parquet

import (
	"errors"
	"fmt"
	"io"

	pq "github.com/parquet-go/parquet-go"
)

// The Parquet library allocates what a file's metadata declares before it
// reads what is there: a Thrift list of the footer as long as its header
// says, a page buffer as large as the page header's uncompressed size. The
// checks here bound that work by the file's own size before the library
// runs.

// maxPageInflate and minPageBound bound a page's uncompressed size: at
// most maxPageInflate times its compressed size, or minPageBound,
// whichever is larger (zstd and gzip inflate runs of one value past 1,000-fold,
// but not past 64 MiB a page in any writer's defaults).
const (
	maxPageInflate = 1024
	minPageBound   = 64 << 20
	maxThriftDepth = 64
)

// errBounds is wrapped by the error of a file whose metadata declares more
// than its bytes can hold.
var errBounds = errors.New("metadata larger than the file")

// skim walks Thrift compact-protocol values in b without allocating:
// every list, set, map and binary must fit in the bytes left.
type skim struct {
	b     []byte
	pos   int
	depth int
}

func (s *skim) byte1() (byte, error) {
	if s.pos >= len(s.b) {
		return 0, io.ErrUnexpectedEOF
	}
	c := s.b[s.pos]
	s.pos++
	return c, nil
}

func (s *skim) varint() (uint64, error) {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		c, err := s.byte1()
		if err != nil {
			return 0, err
		}
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x, nil
		}
	}
	return 0, errors.New("varint longer than 10 bytes")
}

// fits checks that n items of at least min bytes each fit in the bytes
// left.
func (s *skim) fits(n uint64, min int) error {
	if left := uint64(len(s.b) - s.pos); n > left/uint64(min) {
		return fmt.Errorf("%w: %d items declared at byte %d, %d bytes left", errBounds, n, s.pos, left)
	}
	return nil
}

// value skips one value of compact type typ; for an integer it returns
// its value.
func (s *skim) value(typ byte) (int64, error) {
	switch typ {
	case 1, 2: // boolean in a field header
		return 0, nil
	case 3: // i8
		_, err := s.byte1()
		return 0, err
	case 4, 5, 6: // i16, i32, i64, zigzag varints
		u, err := s.varint()
		return int64(u>>1) ^ -int64(u&1), err
	case 7: // double
		if err := s.fits(8, 1); err != nil {
			return 0, err
		}
		s.pos += 8
		return 0, nil
	case 8: // binary
		n, err := s.varint()
		if err == nil {
			err = s.fits(n, 1)
		}
		if err != nil {
			return 0, err
		}
		s.pos += int(n)
		return 0, nil
	case 9, 10: // list, set
		if err := s.nest(); err != nil {
			return 0, err
		}
		defer func() { s.depth-- }()
		h, err := s.byte1()
		if err != nil {
			return 0, err
		}
		n, elem := uint64(h>>4), h&0x0f
		if n == 15 {
			if n, err = s.varint(); err != nil {
				return 0, err
			}
		}
		if err := s.fits(n, 1); err != nil {
			return 0, err
		}
		if elem == 1 || elem == 2 {
			s.pos += int(n) // booleans in a list are one byte each
			return 0, nil
		}
		for range n {
			if _, err := s.value(elem); err != nil {
				return 0, err
			}
		}
		return 0, nil
	case 11: // map
		if err := s.nest(); err != nil {
			return 0, err
		}
		defer func() { s.depth-- }()
		n, err := s.varint()
		if err != nil || n == 0 {
			return 0, err
		}
		if err := s.fits(n, 2); err != nil {
			return 0, err
		}
		kv, err := s.byte1()
		if err != nil {
			return 0, err
		}
		for range n {
			if _, err := s.value(kv >> 4); err != nil {
				return 0, err
			}
			if _, err := s.value(kv & 0x0f); err != nil {
				return 0, err
			}
		}
		return 0, nil
	case 12: // struct
		return 0, s.structure(nil)
	}
	return 0, fmt.Errorf("unknown Thrift type %d at byte %d", typ, s.pos)
}

// nest enters a struct, list, set or map: a list of lists a byte each
// nests as deep as a struct of structs, and would exhaust the stack as
// surely.
func (s *skim) nest() error {
	if s.depth++; s.depth > maxThriftDepth {
		s.depth--
		return fmt.Errorf("%w: structures nested deeper than %d", errBounds, maxThriftDepth)
	}
	return nil
}

// structure skips a struct, keeping the integer fields of ids in top.
func (s *skim) structure(top map[int16]int64) error {
	if err := s.nest(); err != nil {
		return err
	}
	defer func() { s.depth-- }()
	var id int16
	for {
		h, err := s.byte1()
		if err != nil {
			return err
		}
		if h == 0 {
			return nil
		}
		typ := h & 0x0f
		if d := h >> 4; d != 0 {
			id += int16(d)
		} else {
			u, err := s.varint()
			if err != nil {
				return err
			}
			id = int16(int64(u>>1) ^ -int64(u&1))
		}
		v, err := s.value(typ)
		if err != nil {
			return err
		}
		if _, ok := top[id]; ok && typ >= 4 && typ <= 6 {
			top[id] = v
		}
	}
}

// checkFooter walks the footer's Thrift structure (the file's last
// 8+n bytes, n the footer length checkFrame checked) before the library
// decodes it.
func checkFooter(r io.ReaderAt, size int64, n int64) error {
	b := make([]byte, n)
	if _, err := r.ReadAt(b, size-8-n); err != nil {
		return err
	}
	s := &skim{b: b}
	return s.structure(nil)
}

// checkPages walks the page headers of every column chunk, as the
// metadata places them, and checks that each page fits in its chunk and
// the file, and that its uncompressed size is within maxPageInflate times
// its compressed size (or minPageBound); and that no row group, nor the
// file, declares more rows than the file has bits. It returns the row
// group and column of the first problem, or -1.
func checkPages(r io.ReaderAt, f *pq.File) (group int, column string, err error) {
	md := f.Metadata()
	size := f.Size()
	if md.NumRows < 0 || md.NumRows > 8*size {
		return -1, "", fmt.Errorf("%w: %d rows in a file of %d bytes", errBounds, md.NumRows, size)
	}
	header := make([]byte, 64<<10)
	for i, rg := range md.RowGroups {
		if rg.NumRows < 0 || rg.NumRows > 8*size {
			return i, "", fmt.Errorf("%w: %d rows in a file of %d bytes", errBounds, rg.NumRows, size)
		}
		for _, cc := range rg.Columns {
			name := ""
			if p := cc.MetaData.PathInSchema; len(p) > 0 {
				name = p[len(p)-1]
			}
			m := cc.MetaData
			start := m.DataPageOffset
			if m.DictionaryPageOffset > 0 && m.DictionaryPageOffset < start {
				start = m.DictionaryPageOffset
			}
			end := start + m.TotalCompressedSize
			if start < 4 || m.TotalCompressedSize < 0 || end > size-8 || end < start {
				return i, name, fmt.Errorf("%w: column chunk at bytes %d to %d of %d", errBounds, start, end, size)
			}
			for pos := start; pos < end; {
				n, err := r.ReadAt(header[:min(int64(len(header)), end-pos)], pos)
				if err != nil && !errors.Is(err, io.EOF) {
					return i, name, err
				}
				s := &skim{b: header[:n]}
				top := map[int16]int64{2: -1, 3: -1}
				if err := s.structure(top); err != nil {
					return i, name, fmt.Errorf("page header at byte %d: %w", pos, err)
				}
				raw, packed := top[2], top[3]
				if raw < 0 || packed < 0 || pos+int64(s.pos)+packed > end {
					return i, name, fmt.Errorf("%w: page at byte %d of %d bytes (%d uncompressed), its chunk ending at byte %d", errBounds, pos, packed, raw, end)
				}
				if raw > max(minPageBound, maxPageInflate*packed) {
					return i, name, fmt.Errorf("%w: page at byte %d of %d bytes declares %d uncompressed", errBounds, pos, packed, raw)
				}
				pos += int64(s.pos) + packed
			}
		}
	}
	return -1, "", nil
}
