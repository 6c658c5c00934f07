// Package ptb reads Penn Treebank bracketed trees, the form of the <Parse>
// elements of PETRARCH validation and input files:
//
//	(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Gondor)))) (. .)))
//
// Parse returns a Tree: a flat array of nodes in pre-order, each with its
// label, its children and, for leaves, the word and its index among the
// leaves. Errors carry the byte offset of the problem.
package ptb

import (
	"fmt"
	"strings"
)

// Node is one node of a Tree. A preterminal (such as (NNP Arnor)) is a node
// whose Label is the part-of-speech tag and whose Word is set; it has no
// children.
type Node struct {
	Label    string  // phrase label (NP, VP, S, ...) or POS tag for a preterminal
	Word     string  // the word of a preterminal, verbatim; empty for phrases
	Leaf     int     // index of the word among the tree's words; -1 for phrases
	Parent   int     // index of the parent node; -1 for the root
	Children []int32 // indexes of the child nodes, in order
	Start    int     // byte offset of the opening parenthesis in the input
}

// IsLeaf reports whether n is a preterminal carrying a word.
func (n *Node) IsLeaf() bool { return n.Leaf >= 0 }

// Tree is a parsed bracketed tree. Nodes[0] is the root.
type Tree struct {
	Nodes  []Node
	Leaves []int32 // node index of each word, in sentence order
}

// Words returns the words of t in order.
func (t *Tree) Words() []string {
	w := make([]string, len(t.Leaves))
	for i, n := range t.Leaves {
		w[i] = t.Nodes[n].Word
	}
	return w
}

// Tag returns the POS tag of word i.
func (t *Tree) Tag(i int) string { return t.Nodes[t.Leaves[i]].Label }

// SyntaxError is a malformed tree, with the byte offset where it was found.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("ptb: offset %d: %s", e.Offset, e.Msg) }

// Parse reads one bracketed tree from s. Text after the tree other than
// white space is an error. A tree whose outermost bracket has no label,
// "( (S ...) )", is accepted, as the Penn Treebank writes it.
func Parse(s string) (*Tree, error) {
	p := parser{s: s}
	t := &Tree{Nodes: make([]Node, 0, strings.Count(s, "(")), Leaves: make([]int32, 0, strings.Count(s, ")")/2)}
	p.skipSpace()
	if p.i >= len(s) {
		return nil, &SyntaxError{0, "empty input"}
	}
	if err := p.node(t, -1, 0); err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i < len(s) {
		return nil, &SyntaxError{p.i, fmt.Sprintf("unexpected %q after the tree", s[p.i])}
	}
	return t, nil
}

type parser struct {
	s string
	i int
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.i++
		default:
			return
		}
	}
}

// token reads a label or word: a run of bytes other than space and brackets.
func (p *parser) token() string {
	start := p.i
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r', '\f', '\v', '(', ')':
			return p.s[start:p.i]
		}
		p.i++
	}
	return p.s[start:p.i]
}

const maxDepth = 2000

func (p *parser) node(t *Tree, parent, depth int) error {
	if depth > maxDepth {
		return &SyntaxError{p.i, "tree nested too deeply"}
	}
	if p.i >= len(p.s) || p.s[p.i] != '(' {
		return &SyntaxError{p.i, "expected '('"}
	}
	start := p.i
	p.i++
	p.skipSpace()
	label := p.token()
	idx := len(t.Nodes)
	t.Nodes = append(t.Nodes, Node{Label: label, Leaf: -1, Parent: parent, Start: start})
	if parent >= 0 {
		t.Nodes[parent].Children = append(t.Nodes[parent].Children, int32(idx))
	}
	p.skipSpace()
	if p.i >= len(p.s) {
		return &SyntaxError{p.i, fmt.Sprintf("unclosed (%s opened at offset %d", label, start)}
	}
	if p.s[p.i] != '(' && p.s[p.i] != ')' {
		// preterminal: (TAG word)
		word := p.token()
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != ')' {
			return &SyntaxError{p.i, fmt.Sprintf("expected ')' after word %q of (%s", word, label)}
		}
		p.i++
		if label == "" {
			return &SyntaxError{start, fmt.Sprintf("word %q has no tag", word)}
		}
		t.Nodes[idx].Word = word
		t.Nodes[idx].Leaf = len(t.Leaves)
		t.Leaves = append(t.Leaves, int32(idx))
		return nil
	}
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			return &SyntaxError{p.i, fmt.Sprintf("unclosed (%s opened at offset %d", label, start)}
		}
		if p.s[p.i] == ')' {
			p.i++
			break
		}
		if err := p.node(t, idx, depth+1); err != nil {
			return err
		}
	}
	if len(t.Nodes[idx].Children) == 0 {
		return &SyntaxError{start, fmt.Sprintf("(%s has neither word nor children", label)}
	}
	return nil
}

// String writes t back in bracketed form on one line.
func (t *Tree) String() string {
	if len(t.Nodes) == 0 {
		return ""
	}
	var b strings.Builder
	var walk func(i int)
	walk = func(i int) {
		n := &t.Nodes[i]
		b.WriteByte('(')
		b.WriteString(n.Label)
		if n.IsLeaf() {
			b.WriteByte(' ')
			b.WriteString(n.Word)
		}
		for _, c := range n.Children {
			b.WriteByte(' ')
			walk(int(c))
		}
		b.WriteByte(')')
	}
	walk(0)
	return b.String()
}
