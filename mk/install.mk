# install.mk: the man page and README's option table, `make install` /
# `make uninstall`, and the Debian package test.  PREFIX, BINDIR, DATADIR,
# MANDIR and DESTDIR come from the main Makefile; the completion folders
# can be overridden too (debian/rules puts zsh's where Debian's zsh looks).
#
#   make man                                  man/gapcheck.1 (needs scdoc)
#   make docs                                 that, and README.md's option table
#   make install [DESTDIR=/tmp/stage] [PREFIX=/usr]
#   make uninstall [same variables]
#   make check-deb                            build the .deb, lintian, unpack and run it
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
PKGDATADIR ?= $(DATADIR)/gapcheck
INSTALL ?= install
SCDOC ?= scdoc
# What gets installed; tests point these at already-built files so that a
# nested make never rebuilds the binary with other flags.
INSTALL_BIN ?= $(BIN)
MAN1 ?= man/gapcheck.1

# Installed copies of the data (what users copy to extend; the binary does
# not read them, its data is embedded).
LEXICON_FILES = $(sort $(wildcard lexicon/*.yaml)) lexicon/NOTICE lexicon/README.md
ROLES_FILES = $(sort $(wildcard roles/*.yaml)) roles/NOTICE roles/README.md

# The man page is generated (its OPTIONS section comes from
# src/cli/cli_opts.h, like --help) and committed: `man -l man/gapcheck.1`
# works in a checkout, and `make install` needs no scdoc.  It has no rule
# of its own, so a checkout's file times never make it rebuild; `make man`
# rewrites it, and tests/cli/docs-current fails while it is stale.  The
# same goes for README.md's option table.
man:
	SCDOC=$(SCDOC) scripts/gen-man-options --roff src/cli/cli_opts.h man/gapcheck.1.scd \
		> man/gapcheck.1.tmp || { rm -f man/gapcheck.1.tmp; exit 1; }
	mv man/gapcheck.1.tmp man/gapcheck.1

docs: man
	scripts/gen-man-options --readme src/cli/cli_opts.h README.md > README.md.tmp || \
		{ rm -f README.md.tmp; exit 1; }
	mv README.md.tmp README.md

install: $(INSTALL_BIN) $(MAN1)
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) \
		$(DESTDIR)$(PKGDATADIR)/lexicon $(DESTDIR)$(PKGDATADIR)/roles
	$(INSTALL) -m 755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/gapcheck
	$(INSTALL) -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/gapcheck.1
	$(INSTALL) -m 644 completions/gapcheck.bash $(DESTDIR)$(BASHCOMPDIR)/gapcheck
	$(INSTALL) -m 644 completions/_gapcheck $(DESTDIR)$(ZSHCOMPDIR)/_gapcheck
	$(INSTALL) -m 644 completions/gapcheck.fish $(DESTDIR)$(FISHCOMPDIR)/gapcheck.fish
	$(INSTALL) -m 644 $(LEXICON_FILES) $(DESTDIR)$(PKGDATADIR)/lexicon
	$(INSTALL) -m 644 $(ROLES_FILES) $(DESTDIR)$(PKGDATADIR)/roles

# Removes exactly what install wrote (files a user added to the data
# folders are kept, and so are those folders then).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gapcheck $(DESTDIR)$(MANDIR)/man1/gapcheck.1 \
		$(DESTDIR)$(BASHCOMPDIR)/gapcheck $(DESTDIR)$(ZSHCOMPDIR)/_gapcheck \
		$(DESTDIR)$(FISHCOMPDIR)/gapcheck.fish
	rm -f $(LEXICON_FILES:%=$(DESTDIR)$(PKGDATADIR)/%) $(ROLES_FILES:%=$(DESTDIR)$(PKGDATADIR)/%)
	rmdir $(DESTDIR)$(PKGDATADIR)/lexicon $(DESTDIR)$(PKGDATADIR)/roles $(DESTDIR)$(PKGDATADIR) 2>/dev/null || :

# Builds the .deb in a temporary copy, runs lintian, simulates its install,
# unpacks it into a throwaway root and runs it from there; installs nothing
# (see the script).  Not part of `make check`: it rebuilds everything in a
# clean copy; `make ci` (what .ci/run runs) runs it after the suite.
check-deb:
	scripts/check-deb

.PHONY: man docs install uninstall check-deb
