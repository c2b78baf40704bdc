"""drafter: learns the structure of 党建工作总结 from real reports and drafts new ones as 公文 .docx."""

__version__ = "0.2.0"
