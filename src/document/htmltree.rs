//! A page's tree as html5ever builds it, held small: what the article reader needs and no
//! more. A node is five links and its name or text (40 bytes; a DOM such as scraper's took
//! over three times that), an element keeps only the attributes the reader asks about,
//! and comments, doctypes and processing instructions keep nothing. A hostile page of
//! misnested formatting makes a node every three bytes, so this is most of its memory.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, Namespace, QualName, local_name, ns};

/// A node's place in the tree's arena.
pub type Id = u32;

/// No node (no parent, no child, no sibling).
const NONE: Id = Id::MAX;

/// The document node, the root of the tree.
pub const DOCUMENT: Id = 0;

/// The attributes kept: those the article reader asks about.
const KEPT: &[&str] = &[
    "property",
    "name",
    "itemprop",
    "content",
    "datetime",
    "rel",
    "href",
    "class",
    "id",
    "hidden",
    "aria-hidden",
    "role",
];

pub enum Data {
    Document,
    Element {
        name: LocalName,
        /// [`Space`] as a number: the three an element can be in.
        space: u8,
        /// Index into the tree's attribute lists, or [`NONE`] for none kept.
        attrs: Id,
    },
    Text(StrTendril),
    /// A comment, doctype, processing instruction or a template's contents: no text.
    Other,
}

struct Node {
    parent: Id,
    first: Id,
    last: Id,
    prev: Id,
    next: Id,
    data: Data,
}

/// Nodes a block of the arena holds.
const BLOCK: usize = 1 << 12;

#[derive(Default)]
pub struct Tree {
    /// The arena, in blocks of [`BLOCK`] nodes: one growing vector would, when it grows,
    /// hold its old buffer beside one twice the size (a page of misnested formatting at
    /// 4 MB has a million nodes).
    nodes: Vec<Vec<Node>>,
    /// Nodes in the arena.
    len: usize,
    attrs: Vec<Vec<(LocalName, StrTendril)>>,
    /// About how many bytes the nodes and attribute lists hold.
    held: usize,
}

/// An element's name as the tree builder asks for it.
#[derive(Debug)]
pub struct Name {
    space: Namespace,
    local: LocalName,
}

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.space
    }
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

const SPACES: usize = 3;

fn space_number(space: &Namespace) -> u8 {
    match *space {
        ns!(svg) => 1,
        ns!(mathml) => 2,
        _ => 0,
    }
}

fn space(number: u8) -> Namespace {
    debug_assert!(usize::from(number) < SPACES);
    match number {
        1 => ns!(svg),
        2 => ns!(mathml),
        _ => ns!(html),
    }
}

/// One step of a walk through a subtree: into a node, or out of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Edge {
    Open(Id),
    Close(Id),
}

impl Tree {
    fn new() -> Tree {
        let mut tree = Tree::default();
        tree.push(Data::Document);
        tree
    }

    fn push(&mut self, data: Data) -> Id {
        let id = Id::try_from(self.len).expect("a page bounded below 4 GB");
        if self.len.is_multiple_of(BLOCK) {
            self.nodes.push(Vec::with_capacity(BLOCK));
        }
        self.len += 1;
        self.held += std::mem::size_of::<Node>();
        let block = self.nodes.last_mut().expect("a block was just made");
        block.push(Node {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            data,
        });
        id
    }

    /// About how many bytes the tree holds (its nodes and kept attributes).
    pub fn held(&self) -> usize {
        self.held
    }

    /// Keeps an element's attributes, returning their list's index.
    fn keep_attrs(&mut self, kept: Vec<(LocalName, StrTendril)>) -> Id {
        self.held += attrs_size(&kept);
        self.attrs.push(kept);
        Id::try_from(self.attrs.len() - 1).expect("fewer attribute lists than nodes")
    }

    fn node(&self, id: Id) -> &Node {
        let id = id as usize;
        &self.nodes[id / BLOCK][id % BLOCK]
    }

    fn node_mut(&mut self, id: Id) -> &mut Node {
        let id = id as usize;
        &mut self.nodes[id / BLOCK][id % BLOCK]
    }

    fn link(id: Id) -> Option<Id> {
        (id != NONE).then_some(id)
    }

    pub fn data(&self, id: Id) -> &Data {
        &self.node(id).data
    }

    pub fn parent(&self, id: Id) -> Option<Id> {
        Self::link(self.node(id).parent)
    }

    /// The element's local name (in any namespace); None for other nodes.
    pub fn name(&self, id: Id) -> Option<&str> {
        match &self.node(id).data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The value of a kept attribute of an element.
    pub fn attr(&self, id: Id, name: &str) -> Option<&str> {
        match self.node(id).data {
            Data::Element { attrs, .. } if attrs != NONE => self.attrs[attrs as usize]
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| &**v),
            _ => None,
        }
    }

    /// The walk through the subtree of `root`, in document order, without recursion.
    pub fn traverse(&self, root: Id) -> impl Iterator<Item = Edge> + '_ {
        let mut next = Some(Edge::Open(root));
        std::iter::from_fn(move || {
            let edge = next?;
            next = match edge {
                Edge::Open(id) => {
                    Some(Self::link(self.node(id).first).map_or(Edge::Close(id), Edge::Open))
                }
                Edge::Close(id) if id == root => None,
                Edge::Close(id) => {
                    let node = self.node(id);
                    Self::link(node.next)
                        .map(Edge::Open)
                        .or_else(|| Self::link(node.parent).map(Edge::Close))
                }
            };
            Some(edge)
        })
    }

    /// The elements in the subtree of `root` in document order, `root` first.
    pub fn elements(&self, root: Id) -> impl Iterator<Item = Id> + '_ {
        self.traverse(root).filter_map(|edge| match edge {
            Edge::Open(id) if self.name(id).is_some() => Some(id),
            _ => None,
        })
    }

    /// The texts in the subtree of `root`, in document order.
    pub fn texts(&self, root: Id) -> impl Iterator<Item = &str> + '_ {
        self.traverse(root).filter_map(|edge| match edge {
            Edge::Open(id) => match &self.node(id).data {
                Data::Text(text) => Some(&**text),
                _ => None,
            },
            Edge::Close(_) => None,
        })
    }

    fn detach(&mut self, id: Id) {
        let node = self.node(id);
        let (parent, prev, next) = (node.parent, node.prev, node.next);
        if parent == NONE {
            return;
        }
        match Self::link(prev) {
            Some(p) => self.node_mut(p).next = next,
            None => self.node_mut(parent).first = next,
        }
        match Self::link(next) {
            Some(n) => self.node_mut(n).prev = prev,
            None => self.node_mut(parent).last = prev,
        }
        let node = self.node_mut(id);
        (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
    }

    fn append_node(&mut self, parent: Id, id: Id) {
        self.detach(id);
        let last = self.node(parent).last;
        match Self::link(last) {
            Some(l) => self.node_mut(l).next = id,
            None => self.node_mut(parent).first = id,
        }
        self.node_mut(parent).last = id;
        let node = self.node_mut(id);
        (node.parent, node.prev) = (parent, last);
    }

    fn insert_before(&mut self, sibling: Id, id: Id) {
        self.detach(id);
        let node = self.node(sibling);
        let (parent, prev) = (node.parent, node.prev);
        match Self::link(prev) {
            Some(p) => self.node_mut(p).next = id,
            None => self.node_mut(parent).first = id,
        }
        self.node_mut(sibling).prev = id;
        let node = self.node_mut(id);
        (node.parent, node.prev, node.next) = (parent, prev, sibling);
    }

    /// Adds text to the text node `to` when it is one, else gives it a node of its own.
    fn text_node(&mut self, to: Id, text: StrTendril) -> Option<Id> {
        if let Some(Node {
            data: Data::Text(t),
            ..
        }) = Self::link(to).map(|to| self.node_mut(to))
        {
            t.push_tendril(&text);
            return None;
        }
        Some(self.push(Data::Text(text)))
    }
}

/// Builds a [`Tree`] for html5ever's tree builder.
pub struct Sink(RefCell<Tree>);

impl Sink {
    pub fn new() -> Sink {
        Sink(RefCell::new(Tree::new()))
    }

    /// [`Tree::held`] of the tree so far.
    pub fn held(&self) -> usize {
        self.0.borrow().held()
    }
}

fn attrs_size(attrs: &[(LocalName, StrTendril)]) -> usize {
    std::mem::size_of::<Vec<()>>()
        + attrs
            .iter()
            .map(|(_, v)| std::mem::size_of::<(LocalName, StrTendril)>() + v.len())
            .sum::<usize>()
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Tree;
    type ElemName<'a> = Name;

    fn finish(self) -> Tree {
        self.0.into_inner()
    }

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        DOCUMENT
    }

    fn elem_name(&self, target: &Id) -> Name {
        match self.0.borrow().data(*target) {
            Data::Element { name, space: s, .. } => Name {
                space: space(*s),
                local: name.clone(),
            },
            // the tree builder asks only of elements
            _ => Name {
                space: ns!(html),
                local: local_name!(""),
            },
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let mut tree = self.0.borrow_mut();
        let kept: Vec<_> = attrs
            .into_iter()
            .filter(|a| a.name.ns == ns!() && KEPT.contains(&&*a.name.local))
            .map(|a| (a.name.local, a.value))
            .collect();
        let attrs = if kept.is_empty() {
            NONE
        } else {
            tree.keep_attrs(kept)
        };
        let id = tree.push(Data::Element {
            space: space_number(&name.ns),
            name: name.local,
            attrs,
        });
        if flags.template {
            // its contents: the node after it (see get_template_contents)
            tree.push(Data::Other);
        }
        id
    }

    fn create_comment(&self, _: StrTendril) -> Id {
        self.0.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> Id {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        let mut tree = self.0.borrow_mut();
        let id = match child {
            NodeOrText::AppendNode(id) => id,
            NodeOrText::AppendText(text) => {
                let last = tree.node(*parent).last;
                match tree.text_node(last, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        tree.append_node(*parent, id);
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        if self.0.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        target + 1
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, new_node: NodeOrText<Id>) {
        let mut tree = self.0.borrow_mut();
        if tree.parent(*sibling).is_none() {
            return;
        }
        let id = match new_node {
            NodeOrText::AppendNode(id) => id,
            NodeOrText::AppendText(text) => {
                let prev = tree.node(*sibling).prev;
                match tree.text_node(prev, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        tree.insert_before(*sibling, id);
    }

    fn add_attrs_if_missing(&self, target: &Id, attrs: Vec<Attribute>) {
        let mut tree = self.0.borrow_mut();
        let Data::Element { attrs: index, .. } = tree.node(*target).data else {
            return;
        };
        let missing: Vec<_> = attrs
            .into_iter()
            .filter(|a| a.name.ns == ns!() && KEPT.contains(&&*a.name.local))
            .filter(|a| tree.attr(*target, &a.name.local).is_none())
            .map(|a| (a.name.local, a.value))
            .collect();
        if missing.is_empty() {
            return;
        }
        if index == NONE {
            let index = tree.keep_attrs(missing);
            if let Data::Element { attrs, .. } = &mut tree.node_mut(*target).data {
                *attrs = index;
            }
        } else {
            tree.held += attrs_size(&missing);
            tree.attrs[index as usize].extend(missing);
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut tree = self.0.borrow_mut();
        while let Some(child) = Tree::link(tree.node(*node).first) {
            tree.append_node(*new_parent, child);
        }
    }
}
