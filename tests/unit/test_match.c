/* Matcher behaviour on short texts with the mini lexicon: literal words,
 * punctuation-bearing names, ambiguous names and their context rules,
 * URLs, implications, evidence lines and sections. */
#include <string.h>

#include "harness.h"
#include "testdata.h"

enum { ABSENT = 0, IMPLIED = 1, FOUND = 2 };

static void literals(const gc_data *d)
{
    CHECK(how(d, "Python, machine learning", "python") == FOUND);
    CHECK(how(d, "Python, machine learning", "machine-learning") == FOUND);
    CHECK(how(d, "Used machine-learning daily", "machine-learning") == FOUND);
    CHECK(how(d, "deep\nlearning across a line break", "deep-learning") == FOUND);
    CHECK(how(d, "scikit-learn and sklearn", "scikit-learn") == FOUND);
    CHECK(how(d, "Modern C++ (C++17)", "cpp") == FOUND);
    CHECK(how(d, "C# and .NET", "csharp") == FOUND);
    CHECK(how(d, "APIs in Node.js", "node-js") == FOUND);
    CHECK(how(d, "CI/CD with GitHub", "ci-cd") == FOUND);
    CHECK(how(d, "ran k8s clusters", "kubernetes") == FOUND);
    CHECK(how(d, "Amazon Web Services", "aws") == FOUND);
    CHECK(how(d, "PYTHON", "python") == FOUND);
    CHECK(how(d, "Pythonic code", "python") == ABSENT);
    CHECK(how(d, "PySpark SQL jobs", "spark") == FOUND);  /* regex alias */
    CHECK(how(d, "pyspark", "spark") == ABSENT);
}

static void ambiguous(const gc_data *d)
{
    CHECK(how(d, "JavaScript developer", "java") == ABSENT);
    CHECK(how(d, "Java and JavaScript", "java") == FOUND);
    CHECK(how(d, "Go-to-market strategy for Python tools", "go") == ABSENT);
    CHECK(how(d, "we go live in June with Python", "go") == ABSENT);
    CHECK(how(d, "Languages: Go, Python, SQL", "go") == FOUND);
    CHECK(how(d, "Built services in Go and Python", "go") == FOUND);
    CHECK(how(d, "Wrote Go with goroutines", "go") == FOUND);
    CHECK(how(d, "Go for it", "go") == ABSENT);
    CHECK(how(d, "Golang microservices", "go") == FOUND);
    CHECK(how(d, "R&D budget of 2M", "r") == ABSENT);
    CHECK(how(d, "Python, R, SQL", "r") == FOUND);
    CHECK(how(d, "R programming", "r") == FOUND);
    CHECK(how(d, "Plan R is here", "r") == ABSENT);
    CHECK(how(d, "C-level executives and Python", "c") == ABSENT);
    CHECK(how(d, "C, C++ and Java", "c") == FOUND);
    CHECK(how(d, "C/C++", "c") == FOUND);
    CHECK(how(d, "ANSI C", "c") == FOUND);
    CHECK(how(d, "Grade C student", "c") == ABSENT);
    CHECK(how(d, "I excel at stakeholder management", "excel") == ABSENT);
    CHECK(how(d, "Excel at stakeholder management, with Python", "excel") == ABSENT);
    CHECK(how(d, "Microsoft Excel", "excel") == FOUND);
    CHECK(how(d, "Skills\nExcel, Word, PowerPoint", "excel") == FOUND);
    CHECK(how(d, "Excel, Word, PowerPoint", "excel") == ABSENT);  /* no skill, no section */
    CHECK(how(d, "ML pipelines in Python", "machine-learning") == FOUND);
    CHECK(how(d, "500 ML of water", "machine-learning") == ABSENT);
}

static void links(const gc_data *d)
{
    CHECK(how(d, "jane.python@example.com", "python") == ABSENT);
    CHECK(how(d, "https://github.com/jdoe/pytorch", "pytorch") == ABSENT);
    CHECK(how(d, "see www.docker-fans.example.org", "docker") == ABSENT);
    CHECK(how(d, "/home/jdoe/pytorch_notes.pdf", "pytorch") == ABSENT);
    CHECK(how(d, "notes in docker.pdf", "docker") == ABSENT);
    CHECK(how(d, "Docker, see https://x.io/a", "docker") == FOUND);
}

static void implied(const gc_data *d)
{
    gc_doc *doc = analyze_str(d, "MySQL and EC2; PyTorch");
    long sql = gc_data_find_skill(d, "sql"), aws = gc_data_find_skill(d, "aws");
    long ml = gc_data_find_skill(d, "machine-learning");

    CHECK(gc_doc_how(doc, (size_t)sql) == GC_IMPLIED);
    CHECK(gc_doc_how(doc, (size_t)aws) == GC_IMPLIED);
    CHECK(gc_doc_how(doc, (size_t)ml) == GC_IMPLIED);  /* pytorch ⇒ deep learning ⇒ ML */
    CHECK(gc_doc_n_implied_by(doc, (size_t)sql) == 1);
    CHECK_STR(gc_skill_id(d, gc_doc_implied_by(doc, (size_t)sql, 0)), "mysql");
    CHECK(gc_doc_n_evidence(doc, (size_t)sql) == 0);
    gc_doc_free(doc);
    CHECK(how(d, "SQL and MySQL", "sql") == FOUND);  /* evidence beats implication */
}

static void evidence(const gc_data *d)
{
    gc_doc *doc = analyze_str(d, "Jane Doe\n\nS K I L L S\nPython, Docker\n\nExperience\n"
                                 "  Shipped Docker images  \nDocker again, same line Docker\n");
    long docker = gc_data_find_skill(d, "docker");
    unsigned line = 0;
    const char *sec = NULL, *matched = NULL;

    CHECK(gc_doc_n_evidence(doc, (size_t)docker) == 3);
    const char *text = gc_doc_evidence(doc, (size_t)docker, 0, &line, &sec, &matched);
    CHECK_STR(text, "Python, Docker");
    CHECK(line == 4);
    CHECK_STR(sec, "skills");
    CHECK_STR(matched, "Docker");
    text = gc_doc_evidence(doc, (size_t)docker, 1, &line, &sec, &matched);
    CHECK_STR(text, "Shipped Docker images");
    CHECK(line == 7);
    CHECK_STR(sec, "experience");
    CHECK(gc_doc_n_sections(doc) == 2);
    gc_doc_free(doc);
}

static void misses(const gc_data *d)
{
    gc_doc *doc = analyze_str(d, "Go-to-market lead\nsee https://github.com/x/python\n");
    int saw_url = 0, saw_hyphen = 0;

    for (size_t i = 0; i < gc_doc_n_misses(doc); i++) {
        size_t skill;
        unsigned line;
        const char *text;
        const char *why = gc_doc_miss(doc, i, &skill, &line, &text);
        saw_url |= strstr(why, "URL") != NULL && line == 2;
        saw_hyphen |= (strstr(why, "go-to-market") || strstr(why, "hyphen")) && line == 1;
    }
    CHECK(saw_url);
    CHECK(saw_hyphen);
    gc_doc_free(doc);
}

int main(void)
{
    gc_data *d = load_mini();

    literals(d);
    ambiguous(d);
    links(d);
    implied(d);
    evidence(d);
    misses(d);
    gc_data_free(d);
    return test_summary("test_match");
}
