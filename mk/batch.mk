# Batch-mode checks (formats, schema, interruption, Chromium, GNU parallel).
batch-tests: $(BIN)
	tests/batch/run.sh $(BIN)

# The Slurm job-array recipe on a private three-node cluster on this machine
# (root and Debian's slurmctld/slurmd/munge; prints "slurm: SKIP" otherwise).
slurm-tests: $(BIN)
	tests/batch/slurm.sh $(BIN)

CHECK_EXTRA += batch-tests slurm-tests
.PHONY: batch-tests slurm-tests
