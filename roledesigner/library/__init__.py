"""The role library: emerging roles and capabilities read from YAML folders, validated and searchable."""
