using Microsoft.EntityFrameworkCore;

namespace SmartyAssess.Data;

public sealed class PostgresSmartyDbContext(DbContextOptions<PostgresSmartyDbContext> options) : SmartyDbContext(options);
