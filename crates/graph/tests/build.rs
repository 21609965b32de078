//! Streaming builds: the same store as a one-shot load, whatever the batching; a failed build
//! changes nothing; stores made before generations are read and moved into one.

mod common;

use std::collections::BTreeSet;

use common::*;
use kg_graph::{Error, Graph};
use kg_schema::Extraction;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Every quad of the store, as sorted N-Quads lines.
fn dump(g: &Graph) -> Result<BTreeSet<String>, Box<dyn std::error::Error>> {
    let mut out = BTreeSet::new();
    for q in g.store().iter() {
        out.insert(q?.to_string());
    }
    Ok(out)
}

/// Doc A again under another id, with a longer name for one of its people, so that labels
/// merge across documents.
fn doc_c() -> Extraction {
    let mut c = doc_a();
    c.doc.id = "report-c".into();
    if let Some(e) = c.entities.iter_mut().find(|e| e.key == MARTA) {
        e.aliases.push("Ms Ilves".into());
    }
    c
}

#[test]
fn a_streamed_build_equals_a_one_shot_load() -> TestResult {
    let docs = [doc_a(), doc_b(), doc_c()];
    let one_shot = Graph::in_memory()?;
    let loaded = one_shot.load(&docs)?;

    let dir = tempfile::tempdir()?;
    let mut streamed = Graph::open(dir.path().join("store"))?;
    let built = streamed.build(|loader| -> Result<(), Error> {
        for doc in &docs {
            loader.add(std::slice::from_ref(doc))?;
        }
        Ok(())
    })?;
    assert_eq!(dump(&streamed)?, dump(&one_shot)?);
    assert_eq!(built.total_quads, loaded.total_quads);
    assert_eq!(built.documents, 3);
    assert_eq!(built.new_entities, loaded.new_entities);
    assert_eq!(built.relations, loaded.relations);
    assert_eq!(built.entities, loaded.entities);

    // Built in two runs, document by document: the same store again.
    let dir2 = tempfile::tempdir()?;
    let mut twice = Graph::open(dir2.path().join("store"))?;
    twice.build(|l| l.add(&docs[..1]))?;
    twice.build(|l| l.add(&docs[1..]))?;
    assert_eq!(dump(&twice)?, dump(&one_shot)?);
    Ok(())
}

#[test]
fn rebuilding_the_same_documents_adds_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut g = Graph::open(dir.path().join("store"))?;
    g.build(|l| l.add(&[doc_a(), doc_b()]))?;
    let before = dump(&g)?;
    let again = g.build(|l| l.add(&[doc_a(), doc_b()]))?;
    assert_eq!(again.quads_added, 0);
    assert_eq!(again.replaced_documents, 2);
    assert_eq!(again.new_entities, 0);
    assert_eq!(dump(&g)?, before);
    Ok(())
}

#[test]
fn a_failed_build_leaves_the_store_as_it_was() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("store");
    let before = {
        let mut g = Graph::open(&path)?;
        g.build(|l| l.add(&[doc_a()]))?;
        dump(&g)?
    };
    {
        let mut g = Graph::open(&path)?;
        let failed = g.build(|l| -> Result<(), Error> {
            l.add(&[doc_b()])?;
            Err(Error::Ontology("stopped on purpose".into()))
        });
        assert!(failed.is_err());
        assert_eq!(
            dump(&g)?,
            before,
            "the open handle still sees the old store"
        );
    }
    let g = Graph::open_read_only(&path)?;
    assert_eq!(dump(&g)?, before);
    let generations = std::fs::read_dir(&path)?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert_eq!(generations, 1, "the failed build's generation is gone");
    Ok(())
}

#[test]
fn a_store_made_before_generations_is_read_then_moved_into_one() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("store");
    {
        // The layout of earlier versions: the database files directly in the folder.
        let legacy = oxigraph::store::Store::open(&path)?;
        let memory = Graph::in_memory()?;
        memory.load(&[doc_a()])?;
        legacy.extend(memory.store().iter().collect::<Result<Vec<_>, _>>()?)?;
        legacy.flush()?;
    }
    let before = dump(&Graph::open_read_only(&path)?)?;
    assert!(!before.is_empty());
    let mut g = Graph::open(&path)?;
    assert_eq!(dump(&g)?, before);
    g.build(|l| l.add(&[doc_b()]))?;
    drop(g);
    assert!(path.join("ACTIVE").is_file());
    assert!(!path.join("CURRENT").exists(), "the old files are gone");
    let after = dump(&Graph::open_read_only(&path)?)?;
    assert!(after.is_superset(&before));
    assert!(after.len() > before.len());
    Ok(())
}

#[test]
fn a_read_only_handle_cannot_build() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("store");
    Graph::open(&path)?.build(|l| l.add(&[doc_a()]))?;
    let mut g = Graph::open_read_only(&path)?;
    assert!(matches!(
        g.build(|l| l.add(&[doc_b()])),
        Err(Error::ReadOnly { .. })
    ));
    Ok(())
}
