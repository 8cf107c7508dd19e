"""The books model of aidledger: account scheme, records, loading, writing, rules, findings.

Depends on beancount only (and cryptography for the identity register).
"""
