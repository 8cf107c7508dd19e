"""The aidledger command line, the demo and the simulator."""
