provider "aws" {
  region = "ap-northeast-1"
}

variable "admin_cidr" {
  description = "The office / VPN range allowed to reach SSH"
  type        = string
  default     = "203.0.113.0/24"
}

resource "aws_security_group" "memo" {
  name = "memo"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
