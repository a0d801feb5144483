"""Tests of the organisation-matching engine (campaign.matching)."""
